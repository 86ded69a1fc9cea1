import { type PartnershipEntry, PartnershipPublications, partnerships } from "@csg/schema";
import { Directive, Field, ID, InterfaceType, ObjectType } from "type-graphql";
import { District } from "./types";

/**
 * A Community Safety Partnership. The county owns its registry fields; everything it
 * publishes comes from the partnership's own subgraph.
 */
@InterfaceType("CommunitySafetyPartnership", {
  description:
    "A Community Safety Partnership: its registry entry (from the county) and what it publishes (from its own subgraph, queried without fragments).",
  resolveType: (value: PartnershipObject) => value.__typename,
  // The county names its entity types itself (orphanedTypes): a partnership subgraph's built in
  // the same process (a shared host) implements it too, and must not be gathered in.
  autoRegisterImplementations: false,
})
// An entity interface, so that the national subgraph can add fields to every partnership (@interfaceObject).
@Directive('@key(fields: "code")')
export abstract class CommunitySafetyPartnership extends PartnershipPublications {
  @Field(() => ID, { description: "Stable registry code, e.g. charnwood." })
  code!: string;

  @Field(() => String, { description: "The partnership's name." })
  name!: string;

  @Field(() => Boolean, {
    description: "A member of the county board (one of Leicestershire's district CSPs); false for the unitary peers.",
  })
  countyBoardMember!: boolean;

  @Field(() => [District], { description: "The local authority areas it covers, with ONS codes and populations." })
  districts!: District[];
}

/** What the county resolves for a partnership: its registry entry, typed by its entity type. */
export interface PartnershipObject {
  __typename: string;
  code: string;
  name: string;
  countyBoardMember: boolean;
  districts: PartnershipEntry["districts"];
}

export function partnershipObject(entry: PartnershipEntry): PartnershipObject {
  return {
    __typename: entry.entityTypeName,
    code: entry.code,
    name: entry.name,
    countyBoardMember: entry.countyBoardMember,
    districts: entry.districts,
  };
}

/** One entity type per partnership of the registry (federation routes each to its own subgraph). */
export function partnershipEntityTypes() {
  return partnerships.map((entry) => {
    @ObjectType(entry.entityTypeName, { implements: CommunitySafetyPartnership, description: `${entry.name}.` })
    @Directive('@key(fields: "code")')
    class PartnershipEntity extends CommunitySafetyPartnership {}
    return PartnershipEntity;
  });
}

export function partnershipReferenceResolvers() {
  return Object.fromEntries([
    ...partnerships.map((entry) => [
      entry.entityTypeName,
      { __resolveReference: (ref: { code: string }) => (ref.code === entry.code ? partnershipObject(entry) : null) },
    ]),
    // A reference to the interface (from the national subgraph) resolves to the partnership's own entity type.
    [
      "CommunitySafetyPartnership",
      {
        __resolveReference: (ref: { code: string }) =>
          partnershipObject(partnerships.find((p) => p.code === ref.code) ?? missing(ref.code)),
      },
    ],
  ]);
}

function missing(code: string): never {
  throw new Error(`No partnership with code "${code}" in the registry`);
}

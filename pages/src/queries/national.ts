/**
 * A partnership's national position: the Home Office's tables and police.uk's months, from the
 * national subgraph. Its own request, so an outage of the national subgraph shows in its panel only.
 */
import type { NationalPositionQuery, NationalPositionQueryVariables } from "../generated/operations";
import type { TypedQuery } from "../typed-query";

export const nationalPositionQuery: TypedQuery<NationalPositionQuery, NationalPositionQueryVariables> = /* GraphQL */ `
query NationalPosition($code: ID!, $category: ID!) {
  partnership(code: $code) {
    code
    name
    nationalPositions(category: $category) {
      financialYear
      period { label start end basis }
      category { id name }
      mapped unmappedReason quartersHeld complete sampleData
      groupSize groupSizeByRate
      sources { document locator }
      populationSources { document locator }
      row {
        csp { name code policeForce }
        count complete
        quarters { quarter count period { label start end basis } }
        population populationYear ratePer1000 rateUnavailableReason
        rank rankByRate
        forcePosition { policeForce rank rankByRate of }
      }
    }
    policeUkMonthly { month crimeType count sampleData period { label start end basis } source { document locator } }
  }
}`;

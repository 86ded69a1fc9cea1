/**
 * What a client is told when a subgraph fetch fails: which partnership (or the county), and
 * why (no answer, too slow, the request's deadline, the subgraph refused the request), in
 * words. The subgraph's internal address is added only when the operator asks for it.
 */
import { AnswerTooLarge, isCertificateFailure, isCertificateRefused } from "@csg/service-runtime";
import { GraphQLError } from "graphql";
import { RequestEnded, WriteBackstop } from "./subgraph-timeouts";

export interface FailedSubgraph {
  name: string;
  label: string;
  url: string;
  timeoutMs: number;
  exposeAddress: boolean;
}

interface SubgraphResponse {
  status?: number;
  body?: { errors?: { message?: string; extensions?: { code?: string } }[] } | string;
}

/** The error that stopped a fetch: the abort reason when aborted (undici throws it as is). */
function causeOf(error: Error): unknown {
  return (error as { cause?: unknown }).cause ?? error;
}

export function subgraphFailure(error: Error, subgraph: FailedSubgraph): GraphQLError {
  const where = subgraph.exposeAddress ? { url: subgraph.url } : {};
  const named = { subgraph: subgraph.name, ...where };
  const response =
    error instanceof GraphQLError ? (error.extensions.response as SubgraphResponse | undefined) : undefined;
  if (response) {
    // The subgraph answered, refusing the request: its own messages say why (a bad date...).
    const errors = typeof response.body === "object" ? (response.body.errors ?? []) : [];
    const messages = errors.map((e) => e.message).filter(Boolean);
    const status = response.status ?? 500;
    const code =
      status >= 400 && status < 500
        ? (errors.find((e) => e.extensions?.code)?.extensions?.code ?? "BAD_USER_INPUT")
        : "SUBGRAPH_ERROR";
    const why = messages.length ? messages.join("; ") : `HTTP ${status}`;
    return new GraphQLError(`${subgraph.label} refused the request: ${why}`, {
      extensions: { code: code === "GRAPHQL_VALIDATION_FAILED" ? "BAD_USER_INPUT" : code, ...named },
    });
  }
  const cause = causeOf(error);
  if (cause instanceof WriteBackstop || error instanceof WriteBackstop) {
    const backstopMs = (cause instanceof WriteBackstop ? cause : (error as WriteBackstop)).backstopMs;
    return new GraphQLError(
      `${subgraph.label} did not answer a write within ${backstopMs / 1000} s: whether it was committed is unknown. Read the record or the audit trail before sending it again.`,
      { extensions: { code: "WRITE_OUTCOME_UNKNOWN", backstopMs, ...named } },
    );
  }
  if (cause instanceof RequestEnded || error instanceof RequestEnded) {
    const ended = (cause instanceof RequestEnded ? cause : error) as RequestEnded;
    return new GraphQLError(`${subgraph.label} did not answer before ${ended.message}.`, {
      extensions: {
        code: ended.reason === "DEADLINE" ? "REQUEST_DEADLINE_EXCEEDED" : "CLIENT_CLOSED_REQUEST",
        deadlineMs: ended.deadlineMs,
        ...named,
      },
    });
  }
  const name = (cause as { name?: string })?.name ?? error.name;
  if (name === "TimeoutError") {
    return new GraphQLError(
      `${subgraph.label} is unavailable: its subgraph "${subgraph.name}" did not answer within ${subgraph.timeoutMs / 1000} s.`,
      {
        extensions: { code: "SUBGRAPH_UNAVAILABLE", reason: "TIMEOUT", timeoutMs: subgraph.timeoutMs, ...named },
      },
    );
  }
  const code = (causeOf(cause as Error) as { code?: string })?.code;
  if (cause instanceof AnswerTooLarge) {
    return new GraphQLError(
      `${subgraph.label} is unavailable: its subgraph "${subgraph.name}" sent an answer over ${cause.limitBytes} bytes.`,
      { extensions: { code: "SUBGRAPH_UNAVAILABLE", reason: "ANSWER_TOO_LARGE", ...named } },
    );
  }
  if (isCertificateRefused(code)) {
    return new GraphQLError(
      `${subgraph.label} is unavailable: its subgraph "${subgraph.name}" refused the gateway's client certificate (${code}).`,
      {
        extensions: { code: "SUBGRAPH_UNAVAILABLE", reason: "CLIENT_CERTIFICATE", ...named },
      },
    );
  }
  if (isCertificateFailure(code)) {
    return new GraphQLError(
      `${subgraph.label} is unavailable: the certificate of its subgraph "${subgraph.name}" could not be verified (${code}).`,
      {
        extensions: { code: "SUBGRAPH_UNAVAILABLE", reason: "CERTIFICATE", ...named },
      },
    );
  }
  const detail = subgraph.exposeAddress ? ` at ${subgraph.url} (${error.message})` : code ? ` (${code})` : "";
  return new GraphQLError(
    `${subgraph.label} is unavailable: its subgraph "${subgraph.name}" did not answer${detail}.`,
    {
      extensions: { code: "SUBGRAPH_UNAVAILABLE", ...named },
    },
  );
}

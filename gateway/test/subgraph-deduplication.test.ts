/**
 * In-flight deduplication of identical subgraph requests: one fetch for requests that saw
 * the same revisions, and an answer of its own for each of them (the gateway merges answers
 * in place, so a shared object would carry one request's data into another's).
 */
import { describe, expect, it } from "vitest";
import { KeptSubgraphAnswers } from "../src/freshness/kept-subgraph-answers";
import { InFlightSubgraphRequests, answerTexts } from "../src/subgraph-deduplication";

type Send = InFlightSubgraphRequests["send"];
type Request = Parameters<Send>[0];
type Response = Awaited<ReturnType<Send>>;

const QUERY = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Partnership { name } } }`;
const request = (query = QUERY): Request =>
  ({ query, variables: { representations: [{ __typename: "Partnership", code: "charnwood" }] } }) as Request;

/** A fetch of Charnwood's name that answers when `release()` is called, counting how often it was sent. */
function slowFetch() {
  const answer = { data: { _entities: [{ name: "Charnwood Community Safety Partnership" }] } };
  const http = {};
  answerTexts.set(http, JSON.stringify(answer));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const fetch = {
    sent: 0,
    release,
    send: async (): Promise<Response> => {
      fetch.sent += 1;
      await released;
      return { ...structuredClone(answer), http } as unknown as Response;
    },
  };
  return fetch;
}

describe("in-flight deduplication", () => {
  it("sends one fetch for three identical requests, and each gets an answer of its own", async () => {
    const requests = new InFlightSubgraphRequests("charnwood", true);
    const fetch = slowFetch();
    const context = { revision: "charnwood=7 county=3" };
    const answers = Promise.all([1, 2, 3].map(() => requests.send(request(), context, fetch.send)));
    fetch.release();
    const [a, b, c] = await answers;
    expect(fetch.sent).toBe(1);
    for (const answer of [a, b, c])
      expect(answer.data).toEqual({ _entities: [{ name: "Charnwood Community Safety Partnership" }] });
    // Merging into one answer leaves the others as they were.
    (a.data as any)._entities[0].name = "changed";
    expect((b.data as any)._entities[0].name).toBe("Charnwood Community Safety Partnership");
    expect((c.data as any)._entities[0].name).toBe("Charnwood Community Safety Partnership");
    expect(new Set([a.data, b.data, c.data]).size).toBe(3);
  });

  it("never shares a fetch across revisions, callers' tokens, mutations, or when switched off", async () => {
    const cases: { requests: InFlightSubgraphRequests; pairs: [Request, object][] }[] = [
      {
        requests: new InFlightSubgraphRequests("charnwood", true),
        pairs: [
          [request(), { revision: "charnwood=7" }],
          [request(), { revision: "charnwood=8" }],
        ],
      },
      {
        requests: new InFlightSubgraphRequests("charnwood", true),
        pairs: [
          [request(), { revision: "r", authorization: "Bearer a" }],
          [request(), { revision: "r", authorization: "Bearer b" }],
        ],
      },
      {
        requests: new InFlightSubgraphRequests("charnwood", true),
        pairs: [
          [request("mutation { charnwood { __typename } }"), { revision: "r" }],
          [request("mutation { charnwood { __typename } }"), { revision: "r" }],
        ],
      },
      {
        requests: new InFlightSubgraphRequests("charnwood", true),
        pairs: [
          [request(), { revision: null }],
          [request(), { revision: null }],
        ],
      },
      {
        requests: new InFlightSubgraphRequests("charnwood", false),
        pairs: [
          [request(), { revision: "r" }],
          [request(), { revision: "r" }],
        ],
      },
    ];
    for (const { requests, pairs } of cases) {
      const fetch = slowFetch();
      const answers = Promise.all(pairs.map(([r, context]) => requests.send(r, context, fetch.send)));
      fetch.release();
      await answers;
      expect(fetch.sent).toBe(2);
    }
  });

  it("shares nothing once the answer is in: a later identical request is sent again", async () => {
    const requests = new InFlightSubgraphRequests("charnwood", true);
    const fetch = slowFetch();
    fetch.release();
    await requests.send(request(), { revision: "r" }, fetch.send);
    await requests.send(request(), { revision: "r" }, fetch.send);
    expect(fetch.sent).toBe(2);
  });
});

describe("kept subgraph answers", () => {
  it("answer a later identical request at the same revisions, each with an answer of its own", async () => {
    const requests = new InFlightSubgraphRequests("charnwood", true, undefined, new KeptSubgraphAnswers());
    const fetch = slowFetch();
    fetch.release();
    const first = await requests.send(request(), { revision: "r" }, fetch.send);
    const later = await requests.send(request(), { revision: "r" }, fetch.send);
    expect(fetch.sent).toBe(1);
    expect(later.data).toEqual({ _entities: [{ name: "Charnwood Community Safety Partnership" }] });
    (first.data as any)._entities[0].name = "merged into by the first request";
    const third = await requests.send(request(), { revision: "r" }, fetch.send);
    expect((third.data as any)._entities[0].name).toBe("Charnwood Community Safety Partnership");
    expect(fetch.sent).toBe(1);
  });

  it("are never taken at other revisions, by another caller, for a mutation, or with no revisions known", async () => {
    const pairs: [Request, object][][] = [
      [
        [request(), { revision: "charnwood=7" }],
        [request(), { revision: "charnwood=8" }],
      ],
      [
        [request(), { revision: "r", authorization: "Bearer a" }],
        [request(), { revision: "r", authorization: "Bearer b" }],
      ],
      [
        [request("mutation { charnwood { __typename } }"), { revision: "r" }],
        [request("mutation { charnwood { __typename } }"), { revision: "r" }],
      ],
      [
        [request(), { revision: null }],
        [request(), { revision: null }],
      ],
    ];
    for (const [one, other] of pairs) {
      const requests = new InFlightSubgraphRequests("charnwood", false, undefined, new KeptSubgraphAnswers());
      const fetch = slowFetch();
      fetch.release();
      await requests.send(one[0], one[1], fetch.send);
      await requests.send(other[0], other[1], fetch.send);
      expect(fetch.sent).toBe(2);
    }
  });

  it("keep no answer with errors: the next request is sent", async () => {
    const requests = new InFlightSubgraphRequests("charnwood", true, undefined, new KeptSubgraphAnswers());
    const http = {};
    const failed = { data: null, errors: [{ message: "Melton's subgraph did not answer" }] };
    answerTexts.set(http, JSON.stringify(failed));
    let sent = 0;
    const send = async () => {
      sent += 1;
      return { ...structuredClone(failed), http } as unknown as Response;
    };
    await requests.send(request(), { revision: "r" }, send);
    await requests.send(request(), { revision: "r" }, send);
    expect(sent).toBe(2);
  });

  it("hold at most their bytes, the least recently used going first", async () => {
    const kept = new KeptSubgraphAnswers(1000);
    kept.set("a", "x".repeat(400));
    kept.set("b", "y".repeat(300));
    expect(kept.get("a")).toBeDefined();
    kept.set("c", "z".repeat(300));
    expect(kept.get("b")).toBeUndefined();
    expect(kept.get("a")).toBeDefined();
    kept.set("too big", "w".repeat(5000));
    expect(kept.get("too big")).toBeUndefined();
  });
});

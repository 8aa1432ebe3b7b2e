// When a request that missed the cache may take the answer another request is computing: only when
// no write can have committed between the two lookups.
import { AnswersInFlight } from "../response-cache/answers-in-flight";

const miss = (current: string, writers: string[] | null = null) => ({ body: null, generation: writers === null ? current : null, current, writers });

describe("answers in flight", () => {
  it("lets a request with the same settled generation wait for the answer being computed", async () => {
    const inFlight = new AnswersInFlight();
    const leader = inFlight.lead("k", miss("7"))!;
    const joined = inFlight.joinable("k", miss("7"));
    expect(joined).not.toBeNull();
    leader.settle('{"rollup":[]}');
    await expect(joined).resolves.toBe('{"rollup":[]}');
    expect(inFlight.size).toBe(0);
  });

  it("joins while writes are in flight only if every writer of the leader's lookup is still writing", async () => {
    const inFlight = new AnswersInFlight();
    inFlight.lead("k", miss("9", ["3/10", "4/20"]));
    expect(inFlight.joinable("k", miss("9", ["3/10", "4/20", "5/7"]))).not.toBeNull();
    // 4/20 has committed since the leader looked: the leader may have read before it
    expect(inFlight.joinable("k", miss("9", ["3/10"]))).toBeNull();
    expect(inFlight.joinable("k", miss("9"))).toBeNull();
  });

  it("never joins across a move of the generation, another key or an unknown generation", () => {
    const inFlight = new AnswersInFlight();
    inFlight.lead("k", miss("7"));
    expect(inFlight.joinable("k", miss("8"))).toBeNull();
    expect(inFlight.joinable("other", miss("7"))).toBeNull();
    expect(inFlight.joinable("k", { body: null, generation: null })).toBeNull();
    expect(inFlight.lead("k", { body: null, generation: null })).toBeNull();
  });

  it("shares nothing when the leader has no answer, and a later leader is not dropped by an earlier one", async () => {
    const inFlight = new AnswersInFlight();
    const first = inFlight.lead("k", miss("7"))!;
    const joined = inFlight.joinable("k", miss("7"));
    const second = inFlight.lead("k", miss("8"))!;
    first.settle(null);
    await expect(joined).resolves.toBeNull();
    expect(inFlight.size).toBe(1);
    const later = inFlight.joinable("k", miss("8"));
    second.settle("{}");
    await expect(later).resolves.toBe("{}");
    expect(inFlight.size).toBe(0);
  });

  it("stops waiting for a leader that never answers", async () => {
    jest.useFakeTimers();
    try {
      const inFlight = new AnswersInFlight();
      inFlight.lead("k", miss("7"));
      const joined = inFlight.joinable("k", miss("7"))!;
      jest.advanceTimersByTime(10_001);
      await expect(joined).resolves.toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});

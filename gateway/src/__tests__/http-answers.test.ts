// Entity tags, encodings and media types of the gateway's answers.
import { chooseEncoding } from "../http/compression";
import { entityTag, ifNoneMatchMatches } from "../http/etag";
import { graphQLMediaType, prefersHtml } from "../http/media-type";

describe("entity tags", () => {
  const tag = entityTag("application/json", '{"data":{}}');

  it("are weak, stable, and differ with the body or the media type", () => {
    expect(tag).toMatch(/^W\/"[\w-]{32}"$/);
    expect(entityTag("application/json", '{"data":{}}')).toBe(tag);
    expect(entityTag("application/json", '{"data":{"a":1}}')).not.toBe(tag);
    expect(entityTag("application/graphql-response+json", '{"data":{}}')).not.toBe(tag);
  });

  it("match If-None-Match by weak comparison, in a list, or *", () => {
    expect(ifNoneMatchMatches(tag, tag)).toBe(true);
    expect(ifNoneMatchMatches(tag.slice(2), tag)).toBe(true);
    expect(ifNoneMatchMatches(`"a", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchMatches("*", tag)).toBe(true);
    expect(ifNoneMatchMatches('W/"other"', tag)).toBe(false);
    expect(ifNoneMatchMatches(undefined, tag)).toBe(false);
  });
});

describe("encodings", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["br;q=0.1, gzip", "gzip"],
    ["identity", null],
    ["*", "br"],
    ["gzip;q=0, br;q=0", null],
    [undefined, null],
  ])("%s: %s", (acceptEncoding, expected) => {
    expect(chooseEncoding(acceptEncoding)).toBe(expected);
  });
});

describe("media types", () => {
  it.each([
    [undefined, "application/json; charset=utf-8"],
    ["*/*", "application/json; charset=utf-8"],
    ["application/graphql-response+json", "application/graphql-response+json; charset=utf-8"],
    ["application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json; charset=utf-8"],
    ["text/csv", null],
  ])("Accept %s: %s", (accept, expected) => {
    expect(graphQLMediaType(accept)).toBe(expected);
  });

  it("tells a browser's navigation from a GraphQL client", () => {
    expect(prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).toBe(true);
    expect(prefersHtml("application/json")).toBe(false);
    expect(prefersHtml("*/*")).toBe(false);
    expect(prefersHtml(undefined)).toBe(false);
  });
});

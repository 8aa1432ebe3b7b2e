// Which operations the gateway may answer from its response cache: queries only, and none that touches
// a field only an excluded subgraph answers (the cases subgraph: confidential records whose every read
// is logged, and statistics suppressed per caller). Read from the supergraph's join directives, so a
// field added to such a subgraph is excluded without a list to keep.
import { type DocumentNode, type GraphQLSchema, Kind, type OperationDefinitionNode, TypeInfo, parse, visit, visitWithTypeInfo } from "graphql";

const NEVER_CACHED_SUBGRAPHS = ["cases"];

type DirectiveHost = {
  directives?: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: { kind: string; value?: string } }[] }[];
};

function graphArgs(node: DirectiveHost, directive: string): string[] {
  return (node.directives ?? [])
    .filter((d) => d.name.value === directive)
    .flatMap((d) => d.arguments?.filter((a) => a.name.value === "graph").map((a) => String(a.value.value)) ?? []);
}

/** "Type.field" of every field that only the named subgraphs resolve. */
export function fieldsOnlyFrom(supergraphSdl: string, subgraphNames: readonly string[] = NEVER_CACHED_SUBGRAPHS): Set<string> {
  const document = parse(supergraphSdl);
  // join__Graph enum values name the subgraphs: CASES @join__graph(name: "cases", ...)
  const excluded = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== "join__Graph") continue;
    for (const value of definition.values ?? []) {
      const name = value.directives?.find((d) => d.name.value === "join__graph")?.arguments?.find((a) => a.name.value === "name")?.value;
      if (name?.kind === Kind.STRING && subgraphNames.includes(name.value)) excluded.add(value.name.value);
    }
  }
  const fields = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeGraphs = graphArgs(definition as DirectiveHost, "join__type");
    for (const field of definition.fields ?? []) {
      const fieldGraphs = graphArgs(field as DirectiveHost, "join__field");
      const graphs = fieldGraphs.length > 0 ? fieldGraphs : typeGraphs;
      if (graphs.length > 0 && graphs.every((graph) => excluded.has(graph))) fields.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  return fields;
}

/** Whether an operation's answer depends only on data the cache tracks (and on the caller's access, which its key holds). */
export function isCacheable(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, neverCached: ReadonlySet<string>): boolean {
  if (operation.operation !== "query") return false;
  const typeInfo = new TypeInfo(schema);
  let cacheable = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && neverCached.has(`${parent.name}.${node.name.value}`)) cacheable = false;
      },
    }),
  );
  return cacheable;
}

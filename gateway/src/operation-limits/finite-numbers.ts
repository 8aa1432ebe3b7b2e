// graphql-js reads a Float literal with parseFloat, so `1e309` becomes Infinity and passes validation,
// to fail later in query planning as a server error. Refused here as the client's mistake it is.
import { GraphQLError, type ValidationRule } from "graphql";

export const finiteNumbersRule: ValidationRule = (context) => ({
  FloatValue(node) {
    if (Number.isFinite(Number(node.value))) return;
    context.reportError(
      new GraphQLError(`Number ${node.value} is out of range: numbers must be finite, at most about 1.8e308 in magnitude.`, { nodes: [node] }),
    );
  },
});

// Validation at the boundary (docs/decisions/0097): the shape of one record's input (lengths, ranges, formats
// such as a period or a date) is declared with class-validator decorators on its input or args class, and
// checked here before the resolver runs, in every subgraph. A refusal is BAD_USER_INPUT naming the field, with
// every problem listed, the same shape as the rules a service checks against stored data. Bulk paths
// (submitDataValues, recordActivities, file imports) keep their own per-row checks and conflict reports.
import { type ValidationArguments, type ValidationError, ValidateBy, type ValidationOptions, getMetadataStorage, validate } from "class-validator";
import { BadUserInputError } from "../errors";
import { periodProblem } from "../periods/period";

/** One refused field: its path in the input (e.g. "services[0].providedOn") and why. */
export interface InputProblem {
  field: string;
  message: string;
}

/** A refused row of a bulk write (submitDataValues, recordActivities): its position, the field at fault (null: the whole row) and why. */
export interface RowConflict {
  index: number;
  field: string | null;
  message: string;
}

/** Whether a class declares any constraint: most inputs (the bulk ones among them) have none and are not walked. */
const declaresConstraints = new WeakMap<object, boolean>();
function hasConstraints(type: object): boolean {
  let known = declaresConstraints.get(type);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(type as () => void, "", true, false).length > 0;
    declaresConstraints.set(type, known);
  }
  return known;
}

const pathOf = (parent: string, property: string) => (parent === "" ? property : /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`);

/**
 * Every constraint message with its field's path. Messages name their field ("title must be ..."): a nested
 * field's message is given its parents ("services[0].providedOn ..."), and one that does not start with its
 * field's name is prefixed with the whole path.
 */
function problemsOf(errors: readonly ValidationError[], parent: string): InputProblem[] {
  return errors.flatMap((error) => {
    const field = pathOf(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => {
      if (parent === "") return { field, message };
      return { field, message: message.startsWith(error.property) ? `${field}${message.slice(error.property.length)}` : `${field}: ${message}` };
    });
    return [...own, ...problemsOf(error.children ?? [], field)];
  });
}

/** The problems of one argument's value (an input or args object, or a list of inputs); none for scalars. */
export async function inputProblems(value: unknown): Promise<InputProblem[]> {
  if (value === null || typeof value !== "object") return [];
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const problems: InputProblem[] = [];
  for (const [index, item] of items.entries()) {
    if (item === null || typeof item !== "object" || !hasConstraints(item.constructor)) continue;
    // As type-graphql validates: omitted (null) fields are checked by the GraphQL type, not here.
    const errors = await validate(item, { skipMissingProperties: true, forbidUnknownValues: false });
    problems.push(...problemsOf(errors, Array.isArray(value) ? `[${index}]` : ""));
  }
  return problems;
}

/** type-graphql's `validateFn` for every argument of every subgraph (buildFederatedSchema). */
export async function validateInput(value: unknown): Promise<void> {
  const problems = await inputProblems(value);
  if (problems.length > 0) throw new BadUserInputError(problems.map((p) => p.message).join("; "), { field: problems[0].field, problems });
}

/** A constraint from a function that names the problem of a value (null: none); the message may use the field's name. */
export function Satisfies(name: string, problem: (value: unknown, field: string) => string | null, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => problem(value, args?.property ?? "") === null,
        defaultMessage: (args?: ValidationArguments) => problem(args?.value, args?.property ?? "") ?? "",
      },
    },
    options,
  );
}

/** A period id (2023, 2023S2, 2023Q1, 202301) within the supported years. */
export const IsPeriod = (options?: ValidationOptions) =>
  Satisfies("isPeriod", (value) => (typeof value === "string" ? periodProblem(value) : "period must be a string"), options);

/** Text that is not empty once trimmed; `message` replaces "<field> must not be empty". */
export const NotBlank = (message?: string) =>
  Satisfies("notBlank", (value, field) => (typeof value === "string" && value.trim() === "" ? (message ?? `${field} must not be empty`) : null));

/** Text at most `max` characters long once trimmed (what is stored); `message` replaces the default. */
export const MaxTrimmedLength = (max: number, message?: (length: number, field: string) => string) =>
  Satisfies("maxTrimmedLength", (value, field) => {
    if (typeof value !== "string") return null;
    const length = value.trim().length;
    if (length <= max) return null;
    return message ? message(length, field) : `${field} must be at most ${max} characters`;
  });

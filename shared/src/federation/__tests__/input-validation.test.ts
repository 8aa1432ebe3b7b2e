// Validation at the boundary: constraints on input classes become one BAD_USER_INPUT naming the fields.
import "reflect-metadata";
import { MaxLength, ValidateNested } from "class-validator";
import { IsPeriod, MaxTrimmedLength, NotBlank, inputProblems, validateInput } from "../input-validation";

class Line {
  @MaxLength(5)
  label!: string;
}

class Form {
  @IsPeriod()
  period!: string;

  @NotBlank("a form needs a title")
  @MaxTrimmedLength(10)
  title!: string;

  @ValidateNested()
  lines?: Line[] | null;
}

class Plain {
  label!: string;
}

const form = (extra: Partial<Form> = {}) => Object.assign(new Form(), { period: "2024", title: "ok", ...extra });
const line = (label: string) => Object.assign(new Line(), { label });

describe("input validation", () => {
  it("accepts a valid input, scalars and classes without constraints", async () => {
    expect(await inputProblems(form({ lines: [line("short")] }))).toEqual([]);
    expect(await inputProblems("2024X")).toEqual([]);
    expect(await inputProblems(Object.assign(new Plain(), { label: "anything at all" }))).toEqual([]);
    expect(await inputProblems(form({ lines: null }))).toEqual([]);
  });

  it("names each field, nested ones by their path", async () => {
    expect(await inputProblems(form({ period: "2024M1", title: "   ", lines: [line("ok"), line("too long")] }))).toEqual([
      { field: "period", message: expect.stringMatching(/^period "2024M1" must be a year \(2023\)/) },
      { field: "title", message: "a form needs a title" },
      { field: "lines[1].label", message: "lines[1].label must be shorter than or equal to 5 characters" },
    ]);
    expect(await inputProblems(form({ title: `  ${"x".repeat(10)}  ` }))).toEqual([]);
    expect(await inputProblems(form({ title: "x".repeat(11) }))).toEqual([{ field: "title", message: "title must be at most 10 characters" }]);
  });

  it("checks every item of a list argument", async () => {
    expect(await inputProblems([line("ok"), line("too long")])).toEqual([
      { field: "[1].label", message: "[1].label must be shorter than or equal to 5 characters" },
    ]);
  });

  it("refuses with BAD_USER_INPUT, the first field and every problem", async () => {
    await expect(validateInput(form({ title: "", period: "x" }))).rejects.toMatchObject({
      message: expect.stringMatching(/^period "x" must be .*; a form needs a title$/),
      extensions: { code: "BAD_USER_INPUT", field: "period", problems: [{ field: "period" }, { field: "title" }] },
    });
    await expect(validateInput(form())).resolves.toBeUndefined();
  });
});

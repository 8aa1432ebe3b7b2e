import { registerEnumType } from "type-graphql";
import { DataValueStatus, Sex, ValueType } from "@vnge/shared";

export { DataValueStatus, Sex, ValueType };

registerEnumType(ValueType, {
  name: "ValueType",
  description: "COUNT values are whole numbers >= 0; NUMBER values are any finite number.",
});

registerEnumType(Sex, { name: "Sex", description: "Sex of a value, or of the values an indicator term counts." });

registerEnumType(DataValueStatus, {
  name: "DataValueStatus",
  description: "FINAL figures, PROVISIONAL ones still under review, or ESTIMATED ones.",
});

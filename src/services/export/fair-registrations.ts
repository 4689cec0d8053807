/** A fair's registrations as an .xlsx file for the officers (the same writer as the applications export). */
import { PassThrough } from "node:stream";
import type { RegistrationListItem } from "../fair-registrations.ts";
import type { ColumnKind, ExportColumn } from "./columns.ts";
import { writeWorkbook } from "./xlsx.ts";

export type RegistrationColumn =
  | "number"
  | "name"
  | "phone"
  | "products"
  | "booths"
  | "note"
  | "state"
  | "registeredAt";

export async function registrationsWorkbook(
  registrations: readonly RegistrationListItem[],
  options: {
    sheetName: string;
    /** a column's header and the totals row's label, from the locales */
    header(key: RegistrationColumn): string;
    totalsLabel: string;
    stateLabel(status: string): string;
    timeZone: string;
  },
): Promise<Buffer> {
  const column = (
    key: RegistrationColumn,
    kind: ColumnKind,
    total = false,
  ): ExportColumn<RegistrationColumn> => ({ key, header: options.header(key), kind, total });
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  await writeWorkbook(stream, {
    name: options.sheetName,
    columns: [
      column("number", "integer"),
      column("name", "text"),
      column("phone", "text"),
      column("products", "text"),
      column("booths", "integer", true),
      column("note", "text"),
      column("state", "text"),
      column("registeredAt", "date"),
    ],
    totalsLabel: options.totalsLabel,
    rows: registrations.map((registration, index) => ({
      number: index + 1,
      name: registration.establishmentName,
      phone: registration.phone,
      products: registration.products,
      booths: registration.booths,
      note: registration.note,
      state: options.stateLabel(registration.status),
      registeredAt: registration.createdAt,
    })),
    timeZone: options.timeZone,
  });
  await ended;
  return Buffer.concat(chunks);
}

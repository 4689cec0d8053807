/** A fair's registrations as an .xlsx file for the officers (the same writer as the applications export). */
import { PassThrough } from "node:stream";
import type { RegistrationListItem } from "../fair-registrations.ts";
import type { ColumnKind, ExportColumn } from "./columns.ts";
import { writeWorkbook } from "./xlsx.ts";

type Key = "number" | "name" | "phone" | "products" | "booths" | "note" | "state" | "registeredAt";
const column = (key: Key, header: string, kind: ColumnKind, total = false): ExportColumn<Key> => ({
  key,
  header,
  kind,
  total,
});

export async function registrationsWorkbook(
  registrations: readonly RegistrationListItem[],
  options: { sheetName: string; stateLabel(status: string): string; timeZone: string },
): Promise<Buffer> {
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
      column("number", "STT", "integer"),
      column("name", "Tên cơ sở", "text"),
      column("phone", "Điện thoại", "text"),
      column("products", "Sản phẩm", "text"),
      column("booths", "Số gian hàng", "integer", true),
      column("note", "Ghi chú", "text"),
      column("state", "Trạng thái", "text"),
      column("registeredAt", "Ngày đăng ký", "date"),
    ],
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

export * from "./applications.ts";
export * from "./calendar.ts";
export * from "./establishments.ts";
export * from "./leases.ts";
export * from "./outbox.ts";
export * from "./state.ts";
export * from "./updates.ts";
export * from "./users.ts";

/**
 * Which plan year an owner registers for. Registration for plan year Y
 * closes at the end of the province's registration-deadline day in year
 * Y − 1 (local time); the province submits its plan by the plan-submission
 * deadline of Y − 1.
 */
import { daysInMonth, localParts, zonedDateToUtc } from "./dates.ts";
import type { Province } from "./province.ts";

export type RegistrationWindow = {
  planYear: number;
  /** 23:59:59 local on the registration-deadline day of planYear − 1. */
  registrationDeadline: Date;
  /** 23:59:59 local on the plan-submission deadline day of planYear − 1. */
  planSubmissionDeadline: Date;
  /**
   * The plan year whose registration closed this year, when it did (now is
   * past this year's deadline): why an owner registers two years ahead.
   */
  closed?: { planYear: number; registrationDeadline: Date };
};

/** The end (23:59:59 local) of a yearly day in a given year; 29/02 becomes 28/02. */
export function endOfDay(
  year: number,
  dayOfYear: { month: number; day: number },
  timeZone: string,
): Date {
  const day = Math.min(dayOfYear.day, daysInMonth(year, dayOfYear.month));
  return zonedDateToUtc(
    { year, month: dayOfYear.month, day, hour: 23, minute: 59, second: 59 },
    timeZone,
  );
}

/**
 * The earliest plan year whose registration is still open at `now`, with
 * its deadlines. E.g. with the deadline 31/10: on 31/10/2026 at 23:00 local
 * an owner registers for 2027; on 1/11/2026 for 2028, and `closed` says
 * that registration for 2027 closed on 31/10/2026.
 */
export function registrationWindow(
  now: Date,
  province: Pick<Province, "registrationDeadline" | "planSubmissionDeadline">,
  timeZone: string,
): RegistrationWindow {
  const local = localParts(now, timeZone);
  const deadline = province.registrationDeadline;
  const lastDay = Math.min(deadline.day, daysInMonth(local.year, deadline.month));
  const open =
    local.month < deadline.month || (local.month === deadline.month && local.day <= lastDay);
  const planYear = open ? local.year + 1 : local.year + 2;
  const window: RegistrationWindow = {
    planYear,
    registrationDeadline: endOfDay(planYear - 1, deadline, timeZone),
    planSubmissionDeadline: endOfDay(planYear - 1, province.planSubmissionDeadline, timeZone),
  };
  if (!open) {
    window.closed = {
      planYear: local.year + 1,
      registrationDeadline: endOfDay(local.year, deadline, timeZone),
    };
  }
  return window;
}

/**
 * /events: the coming deadlines, trade fairs and result announcements.
 * Owners see those that concern them, with days left, their own fair
 * registrations, and on a fair's card "Đăng ký tham gia"; anyone can take an
 * event into the phone's calendar (.ics). Officers see every event, add one
 * (the event form), edit or cancel it, list a fair's registrations, approve
 * or decline them (the owner is told), and export them (.xlsx).
 */
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { formatDate, localParts } from "../../domain/dates.ts";
import { buildIcs } from "../../domain/ics.ts";
import { dayNumber, parseIsoDay } from "../../domain/reminder-plan.ts";
import { eventForm } from "../../forms/kinds/event.ts";
import { fairRegistrationForm } from "../../forms/kinds/fair-registration.ts";
import { escapeHtml } from "../../i18n.ts";
import {
  type CalendarEvent,
  concerns,
  findEvent,
  seedProvinceEvents,
  upcomingEvents,
  updateEvent,
} from "../../services/calendar.ts";
import { eventCallback, registrationCallback } from "../../services/calendar-buttons.ts";
import { registrationsWorkbook } from "../../services/export/fair-registrations.ts";
import {
  decideRegistration,
  findRegistration,
  listRegistrations,
  ownersRegistrations,
} from "../../services/fair-registrations.ts";
import { onCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { isOfficer } from "../filters/roles.ts";
import { startForm } from "../forms/flow.ts";
import { replyWithMainMenu } from "../main-menu.ts";

const ICONS: Record<CalendarEvent["kind"], string> = {
  deadline: "⏰",
  fair: "🎪",
  result: "📣",
  other: "📅",
};
/** events listed in /events; the rest wait for the next ones to pass */
const LIST_LIMIT = 12;
const BUTTON_LIMIT = 30;

const shorten = (text: string, max: number): string =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join("")}…`;

function todayOf(ctx: BotContext) {
  return localParts(ctx.deps.clock.now(), ctx.deps.config.timeZone);
}

/** The event's anchor day as shown in lists: a fair's registration deadline while open, else its first day. */
function shownDay(ctx: BotContext, event: CalendarEvent): { iso: string; days: number } {
  const today = dayNumber(todayOf(ctx));
  const deadline = event.registrationDeadline
    ? localParts(event.registrationDeadline, ctx.deps.config.timeZone)
    : undefined;
  const start = parseIsoDay(event.startsOn);
  const day = event.kind === "deadline" && deadline ? deadline : start;
  return { iso: formatDate(day), days: Math.max(0, dayNumber(day) - today) };
}

function datesText(ctx: BotContext, event: CalendarEvent): string {
  const start = formatDate(parseIsoDay(event.startsOn));
  const end = event.endsOn ? formatDate(parseIsoDay(event.endsOn)) : start;
  return start === end
    ? ctx.t("event-dates-one", { start })
    : ctx.t("event-dates-range", { start, end });
}

async function visibleEvents(ctx: BotContext): Promise<CalendarEvent[]> {
  const today = todayOf(ctx);
  const iso = `${today.year}-${String(today.month).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`;
  // The coming registration deadline is there from the first day, not only once the morning's
  // reminder job has seeded it (seeding is idempotent: one insert that adds nothing the second time).
  const { db, province, clock, config, i18n } = ctx.deps;
  await seedProvinceEvents(db, province, clock.now(), config.timeZone, i18n);
  const events = await upcomingEvents(db, iso);
  if (isOfficer(ctx) || !ctx.user) return events.slice(0, LIST_LIMIT);
  const mine: CalendarEvent[] = [];
  for (const event of events) {
    if (mine.length >= LIST_LIMIT) break;
    if (await concerns(ctx.deps.db, event, ctx.user.id)) mine.push(event);
  }
  return mine;
}

async function listEvents(ctx: BotContext): Promise<void> {
  const events = await visibleEvents(ctx);
  const lines = [ctx.t("events-title")];
  const keyboard = new InlineKeyboard();
  if (events.length === 0) lines.push(ctx.t("events-none"));
  for (const event of events) {
    const day = shownDay(ctx, event);
    lines.push(
      ctx.t("events-line", {
        icon: ICONS[event.kind],
        title: escapeHtml(event.title),
        date: day.iso,
        days: day.days,
      }),
    );
    keyboard
      .text(
        shorten(`${ICONS[event.kind]} ${event.title}`, BUTTON_LIMIT),
        eventCallback.pack({ action: "show", id: event.id }),
      )
      .row();
  }
  if (events.length > 0) lines.push(ctx.t("events-pick"));
  if (ctx.user && !isOfficer(ctx)) {
    const registrations = await ownersRegistrations(ctx.deps.db, ctx.user.id);
    if (registrations.length > 0) {
      lines.push(ctx.t("events-my-registrations"));
      for (const registration of registrations) {
        lines.push(
          ctx.t("events-registration-line", {
            title: escapeHtml(registration.title),
            // A registration for a fair that was called off says so, whatever its own state was.
            state: ctx.t(
              registration.eventStatus === "cancelled"
                ? "registration-state-event-cancelled"
                : `registration-state-${registration.status}`,
            ),
          }),
        );
      }
    }
  }
  if (isOfficer(ctx))
    keyboard.text(ctx.t("events-add-button"), eventCallback.pack({ action: "edit", id: 0 }));
  await ctx.reply(lines.join("\n\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

async function showEvent(ctx: BotContext, event: CalendarEvent): Promise<void> {
  const { timeZone } = ctx.deps.config;
  const lines = [
    ctx.t("event-card", {
      icon: ICONS[event.kind],
      title: escapeHtml(event.title),
      kind: ctx.t(`event-kind-${event.kind}`),
      dates: datesText(ctx, event),
    }),
  ];
  if (event.location)
    lines.push(ctx.t("event-card-location", { location: escapeHtml(event.location) }));
  const now = ctx.deps.clock.now();
  const deadline = event.registrationDeadline;
  const open = deadline ? deadline.getTime() > now.getTime() : true;
  if (event.kind === "fair" && deadline) {
    const local = localParts(deadline, timeZone);
    lines.push(
      ctx.t("event-card-deadline", {
        date: formatDate(local),
        time: `${String(local.hour).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}`,
        days: Math.max(0, dayNumber(local) - dayNumber(todayOf(ctx))),
      }),
    );
  }
  if (event.planYear) lines.push(ctx.t("event-card-plan-year", { year: String(event.planYear) }));
  if (event.description)
    lines.push(ctx.t("event-card-description", { description: escapeHtml(event.description) }));
  if (event.status === "cancelled") lines.push(ctx.t("event-card-cancelled"));
  const keyboard = new InlineKeyboard();
  const officer = isOfficer(ctx);
  if (event.kind === "fair" && !officer && ctx.user && event.status === "active") {
    const registration = await findRegistration(ctx.deps.db, event.id, ctx.user.id);
    if (registration && registration.status !== "draft" && registration.status !== "cancelled") {
      lines.push(
        ctx.t("event-card-registered", {
          state: ctx.t(`registration-state-${registration.status}`),
        }),
      );
    } else if (open) {
      keyboard
        .text(
          ctx.t("event-button-register"),
          eventCallback.pack({ action: "register", id: event.id }),
        )
        .row();
    }
  }
  keyboard
    .text(ctx.t("event-button-ics"), eventCallback.pack({ action: "ics", id: event.id }))
    .row();
  if (officer && event.status === "active") {
    if (event.kind === "fair") {
      keyboard
        .text(
          ctx.t("event-button-registrations"),
          eventCallback.pack({ action: "regs", id: event.id }),
        )
        .text(ctx.t("event-button-export"), eventCallback.pack({ action: "xlsx", id: event.id }))
        .row();
    }
    keyboard
      .text(ctx.t("event-button-edit"), eventCallback.pack({ action: "edit", id: event.id }))
      .text(ctx.t("event-button-cancel"), eventCallback.pack({ action: "cancel", id: event.id }));
  }
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

async function listRegistrationsOf(ctx: BotContext, event: CalendarEvent): Promise<void> {
  const registrations = await listRegistrations(ctx.deps.db, event.id);
  const lines = [ctx.t("registrations-title", { title: escapeHtml(event.title) })];
  const keyboard = new InlineKeyboard();
  if (registrations.length === 0) lines.push(ctx.t("registrations-none"));
  registrations.forEach((registration, index) => {
    const number = index + 1;
    lines.push(
      ctx.t("registrations-line", {
        number,
        name: escapeHtml(registration.establishmentName ?? "—"),
        booths: registration.booths ?? 0,
        products: escapeHtml(registration.products ?? ""),
        state: ctx.t(`registration-state-${registration.status}`),
      }),
    );
    if (registration.status === "registered") {
      keyboard
        .text(
          ctx.t("registrations-approve", { number }),
          registrationCallback.pack({ action: "approve", id: registration.id }),
        )
        .text(
          ctx.t("registrations-decline", { number }),
          registrationCallback.pack({ action: "decline", id: registration.id }),
        )
        .row();
    }
  });
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

async function exportRegistrations(ctx: BotContext, event: CalendarEvent): Promise<void> {
  const registrations = await listRegistrations(ctx.deps.db, event.id);
  const file = await registrationsWorkbook(registrations, {
    sheetName: ctx.t("registrations-sheet"),
    // the list goes into the province's paperwork: in Vietnamese
    header: (key) => ctx.deps.i18n.t("vi", `registrations-column-${key}`),
    totalsLabel: ctx.deps.i18n.t("vi", "export-totals"),
    stateLabel: (status) => ctx.deps.i18n.t("vi", `registration-state-${status}`),
    timeZone: ctx.deps.config.timeZone,
  });
  await ctx.replyWithDocument(new InputFile(file, `dang-ky-hoi-cho-${event.id}.xlsx`), {
    caption: ctx.t("registrations-export-caption", {
      title: event.title,
      count: registrations.length,
    }),
  });
}

export function eventsFeature(_deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");
  const refuse = (ctx: BotContext) =>
    ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });

  privateChats.command("events", listEvents);

  onCallback(
    privateChats,
    eventCallback,
    async (ctx, { action, id }) => {
      const officerOnly = ["regs", "xlsx", "edit", "cancel", "cancel-yes"].includes(action);
      if (!ctx.user || (officerOnly && !isOfficer(ctx))) {
        await refuse(ctx);
        return;
      }
      if (action === "edit" && id === 0) {
        await ctx.answerCallbackQuery();
        await startForm(ctx, eventForm.kind);
        return;
      }
      const event = await findEvent(ctx.deps.db, id);
      if (!event) {
        await ctx.answerCallbackQuery({ text: ctx.t("event-not-found") });
        return;
      }
      await ctx.answerCallbackQuery();
      switch (action) {
        case "show":
          return showEvent(ctx, event);
        case "register":
          return startForm(ctx, fairRegistrationForm.kind, { recordId: event.id });
        case "ics": {
          const file = buildIcs({
            uid: `event-${event.id}-r${event.revision}@khuyen-cong-bot`,
            title: event.title,
            description: event.description,
            location: event.location,
            starts: parseIsoDay(event.startsOn),
            ends: event.endsOn ? parseIsoDay(event.endsOn) : null,
            stamp: ctx.deps.clock.now(),
          });
          await ctx.replyWithDocument(
            new InputFile(Buffer.from(file, "utf8"), `su-kien-${event.id}.ics`),
            {
              caption: ctx.t("event-ics-caption", { title: event.title }),
            },
          );
          return;
        }
        case "regs":
          return listRegistrationsOf(ctx, event);
        case "xlsx":
          return exportRegistrations(ctx, event);
        case "edit":
          return startForm(ctx, eventForm.kind, { recordId: event.id });
        case "cancel":
          await ctx.reply(ctx.t("event-cancel-confirm", { title: escapeHtml(event.title) }), {
            parse_mode: "HTML",
            reply_markup: new InlineKeyboard().text(
              ctx.t("event-button-cancel-yes"),
              eventCallback.pack({ action: "cancel-yes", id: event.id }),
            ),
          });
          return;
        case "cancel-yes": {
          await ctx.editMessageReplyMarkup().catch(() => undefined);
          const { deps } = ctx;
          const cancelled = await deps.db.transaction((tx) =>
            updateEvent(
              tx,
              event.id,
              { status: "cancelled" },
              {
                t: (language, key, vars) => deps.i18n.t(language, key, vars),
                timeZone: deps.config.timeZone,
                now: deps.clock.now(),
              },
            ),
          );
          await replyWithMainMenu(
            ctx,
            cancelled
              ? ctx.t("event-cancelled-done", {
                  title: escapeHtml(event.title),
                  count: cancelled.told,
                })
              : ctx.t("event-not-found"),
            { html: true },
          );
          return;
        }
      }
    },
    refuse,
  );

  onCallback(
    privateChats,
    registrationCallback,
    async (ctx, { action, id }) => {
      if (!ctx.user || !isOfficer(ctx)) {
        await refuse(ctx);
        return;
      }
      const { deps } = ctx;
      const decided = await decideRegistration(
        deps.db,
        { id, officerId: ctx.user.id, approve: action === "approve", now: deps.clock.now() },
        { t: (language, key, vars) => deps.i18n.t(language, key, vars) },
      );
      if (!decided) {
        await ctx.answerCallbackQuery({ text: ctx.t("registration-already-decided") });
        return;
      }
      await ctx.answerCallbackQuery();
      await ctx.reply(
        ctx.t(
          action === "approve" ? "registration-decided-approved" : "registration-decided-declined",
          {
            name: escapeHtml(decided.establishmentName),
          },
        ),
        { parse_mode: "HTML" },
      );
      const event = await findEvent(deps.db, decided.eventId);
      if (event) await listRegistrationsOf(ctx, event);
    },
    refuse,
  );

  return composer;
}

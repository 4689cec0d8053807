/**
 * A whole plan year of reminders, day by day on a fake clock: owners in
 * every situation (no application, a draft, submitted early or late,
 * decided, registered for a fair, opted out of some kinds from the start or
 * midway, blocked the bot, joined mid-year), officers adding, moving and
 * cancelling fairs and result announcements, two scheduler instances
 * serving the same jobs, and a restart in the middle (down for a day and a
 * half, back at night). Every reminder goes through the outbox and the
 * sender to a fake Telegram.
 *
 * What was sent is compared with the exact expected set, computed here from
 * the scenario alone (the rules restated, not the jobs' code): which
 * reminder (event, revision, stage, person) is due at each instant the jobs
 * run, given the state of the world at that instant.
 */
import { and, eq, inArray } from "drizzle-orm";
import { Api } from "grammy";
import { FakeClock } from "../src/clock.ts";
import { type Config, parseConfig } from "../src/config.ts";
import type { Database } from "../src/db/client.ts";
import {
  applications,
  establishments,
  fairRegistrations,
  outbox,
  users,
} from "../src/db/schema/index.ts";
import { localParts, zonedDateToUtc } from "../src/domain/dates.ts";
import { isQuiet, nextAllowedInstant } from "../src/domain/quiet-hours.ts";
import {
  DEFAULT_REMINDER_SCHEDULE,
  dayNumber,
  isoDay,
  parseIsoDay,
} from "../src/domain/reminder-plan.ts";
import { FakeBotApi } from "../src/fake-bot-api/fake-bot-api.ts";
import { createI18n } from "../src/i18n.ts";
import type { JobDependencies } from "../src/jobs/job.ts";
import { jobs } from "../src/jobs/registry.ts";
import { Scheduler } from "../src/jobs/scheduler.ts";
import { silentLogger } from "../src/logger.ts";
import { OutboxSender } from "../src/outbox/sender.ts";
import { createEvent, seedProvinceEvents, updateEvent } from "../src/services/calendar.ts";

const TIME_ZONE = "Asia/Ho_Chi_Minh";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REMINDER_JOBS = [
  "deadline-reminders",
  "draft-reminders",
  "fair-reminders",
  "result-reminders",
];
const REMINDER_KINDS = {
  "deadline-reminder": "deadline",
  "draft-reminder": "draft",
  "fair-reminder": "fair",
  "result-reminder": "result",
} as const;
type KindName = (typeof REMINDER_KINDS)[keyof typeof REMINDER_KINDS];
type Setting = "deadlines" | "drafts" | "fairs" | "results";
const SETTING_OF: Record<KindName, Setting> = {
  deadline: "deadlines",
  draft: "drafts",
  fair: "fairs",
  result: "results",
};

/** Vietnam wall-clock time "2026-10-01T08:30" as an instant. */
export const vn = (local: string): Date => new Date(`${local}:00+07:00`);
const dayOf = (at: Date) => localParts(at, TIME_ZONE);
const dayNo = (at: Date) => dayNumber(dayOf(at));

export interface YearOptions {
  owners: number;
  /** first and last simulated day (local, ISO) */
  from: string;
  until: string;
  /** called once a simulated month */
  progress?: (day: string) => void;
}

export interface YearFigures {
  bench: "year";
  owners: number;
  reminders: number;
  by_kind: Record<KindName, number>;
  schedulers: number;
  restarts: number;
  duplicates: number;
  at_night: number;
  after_opt_out: number;
  after_deadline: number;
  missed: number;
  unexpected: number;
}

// ---- the scenario, as data ------------------------------------------------

interface Version {
  from: Date;
  startsOn: string;
  endsOn?: string;
  /** registration deadline (fairs) */
  deadline?: Date;
  status: "active" | "cancelled";
  revision: number;
}
interface ScenarioEvent {
  name: string;
  kind: "deadline" | "fair" | "result";
  id: number;
  audience: { communeCodes?: string[]; sectors?: string[] };
  planYear?: number;
  program?: "local" | "national";
  versions: Version[];
}
interface Owner {
  id: number;
  commune: string;
  sector: string;
  joinedAt: Date;
  blockedAt?: Date;
  off: Partial<Record<Setting, Date>>;
  application?: {
    program: "local" | "national";
    createdAt: Date;
    touches: Date[];
    submittedAt?: Date;
    decidedAt?: Date;
  };
  registrations: { fair: string; at: Date; approvedAt?: Date }[];
}
interface Officer {
  id: number;
  off: Partial<Record<Setting, Date>>;
}

const COMMUNES = ["06211", "06214", "06217"];
const at = (day: string, time = "06:00") => vn(`${day}T${time}`);
const addDays = (day: string, days: number) =>
  isoDay(localParts(new Date(vn(`${day}T12:00`).getTime() + days * DAY), TIME_ZONE));

function buildOwners(count: number): Owner[] {
  const owners: Owner[] = [];
  for (let i = 0; i < count; i++) {
    const situation = i % 10;
    const owner: Owner = {
      id: 100_000 + i,
      commune: COMMUNES[i % 3] as string,
      sector: i % 2 === 0 ? "Chế biến chè" : "Mây tre đan",
      joinedAt: at("2026-06-01", "05:00"),
      off: {},
      registrations: [],
    };
    const spread = i % 7;
    switch (situation) {
      case 1: {
        const created = at(addDays("2026-09-10", spread), "09:00");
        owner.application = {
          program: "local",
          createdAt: created,
          touches: [new Date(created.getTime() + 10 * DAY)],
        };
        break;
      }
      case 2:
        owner.application = {
          program: "local",
          createdAt: at("2026-09-05", "10:00"),
          touches: [],
          submittedAt: at(addDays("2026-10-20", spread), "15:00"),
        };
        break;
      case 3:
        owner.application = {
          program: "local",
          createdAt: at("2026-08-10", "10:00"),
          touches: [],
          submittedAt: at("2026-08-15", "10:00"),
          decidedAt: at("2026-12-10", "14:00"),
        };
        break;
      case 4:
        owner.application = {
          program: "national",
          createdAt: at("2026-08-25", "10:00"),
          touches: [],
          submittedAt: at("2026-09-01", "10:00"),
        };
        owner.registrations.push({
          fair: "A",
          at: at("2026-09-20", "10:00"),
          approvedAt: at("2026-09-25", "10:00"),
        });
        break;
      case 5:
        owner.off = { deadlines: owner.joinedAt, fairs: owner.joinedAt };
        break;
      case 6:
        owner.application = { program: "local", createdAt: at("2026-09-01", "10:00"), touches: [] };
        owner.blockedAt = at("2026-10-18", "12:00");
        break;
      case 7:
        owner.joinedAt = at(addDays("2026-10-20", spread), "12:00");
        break;
      case 8:
        owner.application = { program: "local", createdAt: at("2026-09-20", "10:00"), touches: [] };
        owner.off = { drafts: at("2026-10-05", "12:00") };
        break;
      case 9:
        owner.registrations.push({ fair: "B", at: at("2026-10-01", "10:00") });
        owner.application = {
          program: "local",
          createdAt: at("2026-10-20", "09:00"),
          touches: [],
          submittedAt: at("2026-10-25", "10:00"),
        };
        break;
    }
    owners.push(owner);
  }
  return owners;
}

function buildEvents(): Omit<ScenarioEvent, "id">[] {
  return [
    {
      name: "A",
      kind: "fair",
      audience: {},
      versions: [
        {
          from: at("2026-08-01", "09:00"),
          startsOn: "2026-10-10",
          endsOn: "2026-10-14",
          deadline: at("2026-09-30", "17:00"),
          status: "active",
          revision: 1,
        },
      ],
    },
    {
      name: "B",
      kind: "fair",
      audience: { communeCodes: ["06211", "06214"] },
      versions: [
        {
          from: at("2026-09-01", "09:00"),
          startsOn: "2026-11-20",
          deadline: at("2026-11-05", "17:00"),
          status: "active",
          revision: 1,
        },
        {
          from: at("2026-10-31", "09:00"),
          startsOn: "2026-11-25",
          deadline: at("2026-11-10", "17:00"),
          status: "active",
          revision: 2,
        },
      ],
    },
    {
      name: "C",
      kind: "fair",
      audience: {},
      versions: [
        {
          from: at("2026-10-01", "09:00"),
          startsOn: "2027-01-15",
          deadline: at("2027-01-05", "17:00"),
          status: "active",
          revision: 1,
        },
        {
          from: at("2026-12-31", "09:00"),
          startsOn: "2027-01-15",
          deadline: at("2027-01-05", "17:00"),
          status: "cancelled",
          revision: 1,
        },
      ],
    },
    {
      name: "D",
      kind: "fair",
      audience: { sectors: ["chè"] },
      versions: [
        {
          from: at("2027-03-01", "09:00"),
          startsOn: "2027-04-20",
          deadline: at("2027-04-10", "17:00"),
          status: "active",
          revision: 1,
        },
      ],
    },
    {
      name: "R1",
      kind: "result",
      audience: {},
      planYear: 2027,
      program: "local",
      versions: [
        { from: at("2026-11-15", "09:00"), startsOn: "2026-12-20", status: "active", revision: 1 },
      ],
    },
    {
      name: "R2",
      kind: "result",
      audience: {},
      planYear: 2027,
      program: "national",
      versions: [
        { from: at("2026-11-15", "09:00"), startsOn: "2027-01-20", status: "active", revision: 1 },
        { from: at("2027-01-10", "09:00"), startsOn: "2027-02-05", status: "active", revision: 2 },
      ],
    },
  ];
}

const OFFICERS: Officer[] = [
  { id: 900_001, off: {} },
  { id: 900_002, off: { results: at("2026-06-01", "05:00") } },
];

/** The instants the reminder jobs run: 08:30 daily, except while down; the restart's catch-up at night. */
const DOWN = { from: at("2026-10-16", "07:00"), until: at("2026-10-17", "23:30") };

// ---- the expected set ---------------------------------------------------

const versionAt = (event: ScenarioEvent, instant: Date): Version | undefined =>
  event.versions.filter((version) => version.from.getTime() <= instant.getTime()).at(-1);
const before = (time: Date | undefined, instant: Date) =>
  time !== undefined && time.getTime() <= instant.getTime();
const isOff = (off: Partial<Record<Setting, Date>>, setting: Setting, instant: Date) =>
  before(off[setting], instant);

function stageOf(offsets: readonly number[], daysLeft: number): number | undefined {
  if (daysLeft < 0) return undefined;
  const fitting = offsets.filter((offset) => daysLeft <= offset);
  return fitting.length === 0 ? undefined : Math.min(...fitting);
}

interface Expected {
  key: string;
  kind: KindName;
  userId: number;
  /** nothing of it may be sent after this instant */
  anchor: Date;
}

function expectedReminders(
  runs: Date[],
  owners: Owner[],
  events: ScenarioEvent[],
  deadlineEvent: { id: number; deadline: Date },
  config: Config,
  applicationIds: Map<number, number>,
): Map<string, Expected> {
  const schedule = config.reminders ?? DEFAULT_REMINDER_SCHEDULE;
  const expected = new Map<string, Expected>();
  const lastNudge = new Map<number, number>();
  const add = (entry: Expected) => {
    if (!expected.has(entry.key)) expected.set(entry.key, entry);
  };
  for (const run of runs) {
    const readAt = nextAllowedInstant(run, TIME_ZONE, config.quietHours);
    const today = dayNo(readAt);
    const present = owners.filter(
      (owner) => before(owner.joinedAt, run) && !before(owner.blockedAt, run),
    );
    const submitted = (owner: Owner) => before(owner.application?.submittedAt, run);
    // deadline
    const deadlineLeft = dayNo(deadlineEvent.deadline) - today;
    const deadlineStage = stageOf(schedule.deadlineDaysBefore, deadlineLeft);
    if (deadlineStage !== undefined && deadlineEvent.deadline > readAt) {
      for (const owner of present) {
        if (submitted(owner) || isOff(owner.off, "deadlines", run)) continue;
        add({
          key: `event:${deadlineEvent.id}:r1:deadline-T-${deadlineStage}:user:${owner.id}`,
          kind: "deadline",
          userId: owner.id,
          anchor: deadlineEvent.deadline,
        });
      }
    }
    // draft
    for (const owner of present) {
      const application = owner.application;
      if (!application || !before(application.createdAt, run) || submitted(owner)) continue;
      if (readAt >= deadlineEvent.deadline) continue;
      const touched = [application.createdAt, ...application.touches]
        .filter((time) => before(time, run))
        .at(-1) as Date;
      if (today - dayNo(touched) < schedule.draftIdleDays) continue;
      const last = lastNudge.get(owner.id);
      if (last !== undefined && today - last < schedule.draftMinGapDays) continue;
      if (isOff(owner.off, "drafts", run)) continue;
      lastNudge.set(owner.id, today);
      add({
        key: `draft:${applicationIds.get(owner.id)}:${isoDay(dayOf(readAt))}`,
        kind: "draft",
        userId: owner.id,
        anchor: deadlineEvent.deadline,
      });
    }
    // fairs and results
    for (const event of events) {
      const version = versionAt(event, run);
      if (version?.status !== "active") continue;
      if (event.kind === "fair") {
        const deadline = version.deadline as Date;
        const stage = stageOf(schedule.fairRegistrationDaysBefore, dayNo(deadline) - today);
        if (stage !== undefined && deadline > readAt) {
          for (const owner of present) {
            if (event.audience.communeCodes && !event.audience.communeCodes.includes(owner.commune))
              continue;
            if (
              event.audience.sectors &&
              !event.audience.sectors.some((word) => owner.sector.toLowerCase().includes(word))
            )
              continue;
            if (
              owner.registrations.some(
                (registration) => registration.fair === event.name && before(registration.at, run),
              )
            )
              continue;
            if (isOff(owner.off, "fairs", run)) continue;
            add({
              key: `event:${event.id}:r${version.revision}:fair-reg-T-${stage}:user:${owner.id}`,
              kind: "fair",
              userId: owner.id,
              anchor: deadline,
            });
          }
        }
        const startLeft = dayNumber(parseIsoDay(version.startsOn)) - today;
        const eve = stageOf(schedule.fairDaysBefore, startLeft);
        if (eve !== undefined && startLeft > 0) {
          for (const owner of present) {
            if (
              !owner.registrations.some(
                (registration) => registration.fair === event.name && before(registration.at, run),
              )
            )
              continue;
            if (isOff(owner.off, "fairs", run)) continue;
            add({
              key: `event:${event.id}:r${version.revision}:fair-T-${eve}:user:${owner.id}`,
              kind: "fair",
              userId: owner.id,
              anchor: zonedDateToUtc(parseIsoDay(version.startsOn), TIME_ZONE),
            });
          }
        }
      } else if (event.kind === "result") {
        const day = dayNumber(parseIsoDay(version.startsOn));
        const stage = stageOf(schedule.resultDaysBefore, day - today);
        if (stage === undefined) continue;
        const anchor = new Date(
          zonedDateToUtc(parseIsoDay(version.startsOn), TIME_ZONE).getTime() + DAY,
        );
        const undecided = owners.filter(
          (owner) =>
            owner.application?.program === event.program &&
            submitted(owner) &&
            !before(owner.application?.decidedAt, run),
        );
        for (const owner of undecided) {
          if (!present.includes(owner) || isOff(owner.off, "results", run)) continue;
          add({
            key: `event:${event.id}:r${version.revision}:result-T-${stage}:user:${owner.id}`,
            kind: "result",
            userId: owner.id,
            anchor,
          });
        }
        const waitingBefore = readAt.getTime() - schedule.resultWaitingDays * DAY;
        if (
          undecided.some(
            (owner) => (owner.application?.submittedAt?.getTime() ?? 0) < waitingBefore,
          )
        ) {
          for (const officer of OFFICERS) {
            if (isOff(officer.off, "results", run)) continue;
            add({
              key: `event:${event.id}:r${version.revision}:result-T-${stage}:officer:${officer.id}`,
              kind: "result",
              userId: officer.id,
              anchor,
            });
          }
        }
      }
    }
  }
  return expected;
}

// ---- the simulation -----------------------------------------------------

interface Action {
  at: Date;
  apply(): Promise<void>;
}

export async function simulateYear(
  db: Database,
  options: YearOptions,
): Promise<{ figures: YearFigures; missedKeys: string[]; unexpectedKeys: string[] }> {
  const config = parseConfig({ BOT_TOKEN: "123456:bench-token", TIMEZONE: TIME_ZONE });
  const i18n = createI18n();
  const clock = new FakeClock(at(options.from, "05:00"));
  const deps: JobDependencies = { db, clock, logger: silentLogger, i18n, config };
  const notice = {
    t: (language: string, key: string, vars?: Record<string, string | number>) =>
      i18n.t(language, key, vars),
    timeZone: TIME_ZONE,
  };

  const owners = buildOwners(options.owners);
  await seedProvinceEvents(
    db,
    {
      registrationDeadline: { month: 10, day: 31 },
      planSubmissionDeadline: { month: 11, day: 30 },
    },
    clock.now(),
    TIME_ZONE,
    i18n,
  );
  const [seeded] = await db
    .select()
    .from((await import("../src/db/schema/index.ts")).calendarEvents);
  if (!seeded?.registrationDeadline) throw new Error("the deadline was not seeded");
  const deadlineEvent = { id: seeded.id, deadline: seeded.registrationDeadline };

  const actions: Action[] = [];
  for (const officer of OFFICERS) {
    actions.push({
      at: at(options.from, "05:00"),
      apply: async () => {
        await db.insert(users).values({
          id: officer.id,
          chatId: officer.id,
          role: "officer",
          consentAt: clock.now(),
          notificationPreferences: officer.off.results ? { results: false } : {},
        });
      },
    });
  }
  const establishmentIds = new Map<number, number>();
  const applicationIds = new Map<number, number>();
  for (const owner of owners) {
    actions.push({
      at: owner.joinedAt,
      apply: async () => {
        const preferences = Object.fromEntries(
          Object.entries(owner.off)
            .filter(([, time]) => time.getTime() <= owner.joinedAt.getTime())
            .map(([setting]) => [setting, false]),
        );
        await db.insert(users).values({
          id: owner.id,
          chatId: owner.id,
          consentAt: owner.joinedAt,
          notificationPreferences: preferences,
          createdAt: owner.joinedAt,
        });
        const [establishment] = await db
          .insert(establishments)
          .values({
            ownerId: owner.id,
            name: `Cơ sở ${owner.id}`,
            communeCode: owner.commune,
            sector: owner.sector,
            completedAt: owner.joinedAt,
          })
          .returning();
        establishmentIds.set(owner.id, establishment?.id ?? 0);
      },
    });
    for (const [setting, time] of Object.entries(owner.off)) {
      if (time.getTime() <= owner.joinedAt.getTime()) continue;
      actions.push({
        at: time,
        apply: async () => {
          const [row] = await db.select().from(users).where(eq(users.id, owner.id));
          await db
            .update(users)
            .set({
              notificationPreferences: {
                ...(row?.notificationPreferences ?? {}),
                [setting]: false,
              },
            })
            .where(eq(users.id, owner.id));
        },
      });
    }
    if (owner.blockedAt) {
      const blockedAt = owner.blockedAt;
      actions.push({
        at: blockedAt,
        apply: async () =>
          void (await db.update(users).set({ blockedAt }).where(eq(users.id, owner.id))),
      });
    }
    const application = owner.application;
    if (application) {
      actions.push({
        at: application.createdAt,
        apply: async () => {
          const [row] = await db
            .insert(applications)
            .values({
              ownerId: owner.id,
              establishmentId: establishmentIds.get(owner.id) ?? 0,
              planYear: 2027,
              program: application.program,
              title: "Đề án",
              createdAt: application.createdAt,
              updatedAt: application.createdAt,
            })
            .returning();
          applicationIds.set(owner.id, row?.id ?? 0);
        },
      });
      for (const touch of application.touches) {
        actions.push({
          at: touch,
          apply: async () =>
            void (await db
              .update(applications)
              .set({ description: "Sửa", updatedAt: touch })
              .where(eq(applications.id, applicationIds.get(owner.id) ?? 0))),
        });
      }
      const { submittedAt, decidedAt } = application;
      if (submittedAt) {
        actions.push({
          at: submittedAt,
          apply: async () =>
            void (await db
              .update(applications)
              .set({
                status: "submitted",
                code: `LS-2027-${owner.id}`,
                submittedAt,
                statusChangedAt: submittedAt,
                updatedAt: submittedAt,
              })
              .where(eq(applications.id, applicationIds.get(owner.id) ?? 0))),
        });
      }
      if (decidedAt) {
        actions.push({
          at: decidedAt,
          apply: async () =>
            void (await db
              .update(applications)
              .set({
                status: "approved",
                decidedAt,
                statusChangedAt: decidedAt,
                updatedAt: decidedAt,
              })
              .where(eq(applications.id, applicationIds.get(owner.id) ?? 0))),
        });
      }
    }
  }

  const events: ScenarioEvent[] = [];
  for (const plan of buildEvents()) {
    const event: ScenarioEvent = { ...plan, id: 0 };
    events.push(event);
    const [first, ...later] = plan.versions;
    if (!first) continue;
    actions.push({
      at: first.from,
      apply: async () => {
        const created = await createEvent(db, {
          kind: plan.kind,
          title: `Sự kiện ${plan.name}`,
          startsOn: first.startsOn,
          endsOn: first.endsOn ?? null,
          registrationDeadline: first.deadline ?? null,
          audience: plan.audience,
          planYear: plan.planYear ?? null,
          program: plan.program ?? null,
          location: plan.kind === "fair" ? "TP Lạng Sơn" : null,
          createdBy: OFFICERS[0]?.id ?? null,
        });
        event.id = created.id;
      },
    });
    for (const version of later) {
      actions.push({
        at: version.from,
        apply: async () =>
          void (await updateEvent(
            db,
            event.id,
            version.status === "cancelled"
              ? { status: "cancelled" }
              : {
                  startsOn: version.startsOn,
                  endsOn: version.endsOn ?? null,
                  registrationDeadline: version.deadline ?? null,
                },
            { ...notice, now: version.from },
          )),
      });
    }
  }
  for (const owner of owners) {
    for (const registration of owner.registrations) {
      actions.push({
        at: registration.at,
        apply: async () => {
          const fair = events.find((event) => event.name === registration.fair);
          await db.insert(fairRegistrations).values({
            eventId: fair?.id ?? 0,
            establishmentId: establishmentIds.get(owner.id) ?? 0,
            ownerId: owner.id,
            status: "registered",
            products: "Chè",
            booths: 1,
            createdAt: registration.at,
          });
        },
      });
      const approvedAt = registration.approvedAt;
      if (approvedAt) {
        actions.push({
          at: approvedAt,
          apply: async () =>
            void (await db
              .update(fairRegistrations)
              .set({ status: "approved", decidedAt: approvedAt })
              .where(
                and(
                  eq(fairRegistrations.ownerId, owner.id),
                  eq(fairRegistrations.status, "registered"),
                ),
              )),
        });
      }
    }
  }
  actions.sort((a, b) => a.at.getTime() - b.at.getTime());

  // Two instances; a restart replaces both with new ones.
  const reminderJobs = jobs.filter((job) => REMINDER_JOBS.includes(job.name));
  let instances = [
    new Scheduler(reminderJobs, deps, { instanceId: "a" }),
    new Scheduler(reminderJobs, deps, { instanceId: "b" }),
  ];
  let restarts = 0;
  const fake = new FakeBotApi({ now: () => clock.now().getTime() });
  const sender = new OutboxSender({
    db,
    api: new Api(config.botToken, { fetch: fake.fetch as typeof fetch }),
    clock,
    logger: silentLogger,
    config: {
      ...config,
      outbox: { ...config.outbox, perChatIntervalMs: 0, globalRatePerSecond: 1000 },
    },
    sleep: async (ms: number) => clock.advance(ms),
    senderId: "bench",
    safetyMarginMs: 0,
  });

  const runs: Date[] = [];
  const ranTwice: string[] = [];
  const tick = async (instant: Date) => {
    clock.set(instant);
    let ran = 0;
    for (const job of reminderJobs) {
      for (const instance of instances) {
        const outcome = await instance.runDue(job, instant);
        if (outcome.status === "ran") ran++;
        if (outcome.status === "failed") throw new Error(`${job.name} failed: ${outcome.error}`);
      }
    }
    if (ran > 0) runs.push(instant);
    if (ran !== 0 && ran !== reminderJobs.length) ranTwice.push(`${instant.toISOString()}: ${ran}`);
  };
  const applyUntil = async (instant: Date) => {
    while (actions.length > 0 && (actions[0] as Action).at.getTime() <= instant.getTime()) {
      const action = actions.shift() as Action;
      clock.set(action.at);
      await action.apply();
    }
  };
  const send = async (instant: Date) => {
    clock.set(instant);
    await sender.runUntilIdle();
  };

  for (let day = options.from; day <= options.until; day = addDays(day, 1)) {
    if (day.endsWith("-01")) options.progress?.(day);
    const morning = at(day, "08:30");
    await applyUntil(morning);
    const down = morning >= DOWN.from && morning < DOWN.until;
    if (!down) {
      await tick(morning);
      await send(new Date(morning.getTime() + 10 * 60_000));
    }
    const night = at(day, "23:30");
    if (night.getTime() === DOWN.until.getTime()) {
      // back at night: new instances, whose start makes up the day's missed slot
      restarts++;
      for (const instance of instances) await instance.stop();
      instances = [
        new Scheduler(reminderJobs, deps, { instanceId: "a2" }),
        new Scheduler(reminderJobs, deps, { instanceId: "b2" }),
      ];
      await applyUntil(night);
      await tick(night);
      await send(new Date(night.getTime() + 10 * 60_000)); // held until 07:00
    }
    await applyUntil(at(day, "23:59"));
  }
  await send(at(addDays(options.until, 1), "08:00"));
  for (const instance of instances) await instance.stop();
  if (ranTwice.length > 0)
    throw new Error(`a slot ran on both instances or not at all: ${ranTwice.join(", ")}`);

  // ---- compare ----
  const expected = expectedReminders(runs, owners, events, deadlineEvent, config, applicationIds);
  const rows = await db
    .select({
      dedupeKey: outbox.dedupeKey,
      kind: outbox.kind,
      userId: outbox.userId,
      status: outbox.status,
      sentAt: outbox.sentAt,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(inArray(outbox.kind, Object.keys(REMINDER_KINDS)));
  const sent = rows.filter((row) => row.status === "sent");
  const sentKeys = new Set(sent.map((row) => row.dedupeKey));
  const byKind: Record<KindName, number> = { deadline: 0, draft: 0, fair: 0, result: 0 };
  for (const row of sent) byKind[REMINDER_KINDS[row.kind as keyof typeof REMINDER_KINDS]]++;
  const reminderTexts = fake.callsTo("sendMessage").length;
  const ownersById = new Map(owners.map((owner) => [owner.id, owner] as const));
  let atNight = 0;
  let afterOptOut = 0;
  let afterDeadline = 0;
  for (const row of sent) {
    const sentAt = row.sentAt as Date;
    if (isQuiet(sentAt, TIME_ZONE, config.quietHours)) atNight++;
    const kind = REMINDER_KINDS[row.kind as keyof typeof REMINDER_KINDS];
    const person =
      ownersById.get(row.userId ?? 0) ?? OFFICERS.find((officer) => officer.id === row.userId);
    if (person && isOff(person.off, SETTING_OF[kind], sentAt)) afterOptOut++;
    const anchor = expected.get(row.dedupeKey)?.anchor;
    if (anchor && sentAt.getTime() > anchor.getTime()) afterDeadline++;
  }
  const missedKeys = [...expected.keys()].filter((key) => !sentKeys.has(key)).sort();
  const unexpectedKeys = [...sentKeys].filter((key) => !expected.has(key)).sort();
  const figures: YearFigures = {
    bench: "year",
    owners: owners.length,
    reminders: sent.length,
    by_kind: byKind,
    schedulers: 2,
    restarts,
    // a reminder delivered more than once: more sendMessage calls than sent rows (the bench sends nothing else)
    duplicates: Math.max(0, reminderTexts - sent.length - (await countOtherSent(db))),
    at_night: atNight,
    after_opt_out: afterOptOut,
    after_deadline: afterDeadline,
    missed: missedKeys.length,
    unexpected: unexpectedKeys.length,
  };
  return { figures, missedKeys, unexpectedKeys };
}

/** Messages sent that are not reminders (the notices of moved and cancelled events). */
async function countOtherSent(db: Database): Promise<number> {
  const rows = await db.select({ kind: outbox.kind, status: outbox.status }).from(outbox);
  return rows.filter((row) => row.status === "sent" && !(row.kind in REMINDER_KINDS)).length;
}

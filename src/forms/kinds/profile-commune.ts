/**
 * The profile's commune question: a name typed (with or without marks, a
 * former commune or district as owners still write them) or picked from the
 * whole list, a page at a time. A former unit is read back as today's
 * commune and confirmed with a tap; a name shared by several places is
 * offered as a choice, never guessed.
 */
import {
  candidateLabelParts,
  communeLabel,
  formerDistrictLabel,
} from "../../domain/commune-labels.ts";
import { communeByCode, findCommunes } from "../../domain/communes.ts";
import type { EstablishmentDraft, EstablishmentPatch } from "../../services/establishments.ts";
import { expectText } from "../answer-kit.ts";
import type {
  Accepted,
  Choice,
  Message,
  Question,
  QuestionContext,
  QuestionPager,
} from "../types.ts";

const COMMUNE_PICK_PREFIX = "c:";
/** "page:<n>" from the list's own arrows (edit the list); "browse" from the question (a new list message). */
export const COMMUNE_PAGE_PREFIX = "page:";
export const COMMUNE_BROWSE = "browse";
export const COMMUNE_PAGE_SIZE = 12;

export function communeChoices(
  codes: readonly string[],
  labelOf: (code: string) => string,
): Choice[] {
  return codes.map((code) => ({
    value: `${COMMUNE_PICK_PREFIX}${code}`,
    label: { key: "raw", vars: { text: labelOf(code) } },
  }));
}

const communeLabelOf =
  (context: QuestionContext) =>
  (code: string): string => {
    const commune = communeByCode(context.province, code);
    return commune ? communeLabel(commune) : code;
  };

/** The whole commune list, a page of buttons at a time, for people who prefer not to type. */
const communePager: QuestionPager = {
  isPageRequest: (value) => value === COMMUNE_BROWSE || value.startsWith(COMMUNE_PAGE_PREFIX),
  page(value, context) {
    // Decided from the button's data, never from translated text: a replay takes the same branch
    // whatever the language is now.
    const fromList = value.startsWith(COMMUNE_PAGE_PREFIX);
    const requested = fromList ? Number(value.slice(COMMUNE_PAGE_PREFIX.length)) : 0;
    const communes = [...context.province.communes].sort((a, b) =>
      a.name.localeCompare(b.name, "vi"),
    );
    const pages = Math.max(1, Math.ceil(communes.length / COMMUNE_PAGE_SIZE));
    const page = Number.isInteger(requested) ? Math.min(Math.max(requested, 0), pages - 1) : 0;
    const slice = communes.slice(page * COMMUNE_PAGE_SIZE, (page + 1) * COMMUNE_PAGE_SIZE);
    return {
      text: { key: "commune-page", vars: { page: page + 1, pages } },
      choices: communeChoices(
        slice.map((c) => c.code),
        communeLabelOf(context),
      ),
      columns: 2,
      ...(page > 0
        ? {
            previous: {
              value: `${COMMUNE_PAGE_PREFIX}${page - 1}`,
              label: { key: "commune-previous" },
            },
          }
        : {}),
      ...(page < pages - 1
        ? { next: { value: `${COMMUNE_PAGE_PREFIX}${page + 1}`, label: { key: "commune-next" } } }
        : {}),
      replace: fromList,
    };
  },
};

export const communeQuestion: Question<
  EstablishmentDraft,
  EstablishmentPatch,
  Record<string, never>
> = {
  id: "commune",
  promptKey: "profile-q-commune",
  pager: communePager,
  promptVars: (_record, { province }) => ({ province: province.name }),
  choices: () => [{ value: COMMUNE_BROWSE, label: { key: "commune-browse" } }],
  isAnswered: (record) => record.communeCode !== null,
  accept(input, _record, { province }): Accepted<EstablishmentPatch> {
    if (input.kind === "choice" && input.value.startsWith(COMMUNE_PICK_PREFIX)) {
      const commune = communeByCode(province, input.value.slice(COMMUNE_PICK_PREFIX.length));
      if (!commune) return { ok: false, error: { key: "form-use-buttons" } };
      return {
        ok: true,
        patch: { communeCode: commune.code },
        notices: [{ key: "commune-chosen", vars: { commune: communeLabel(commune) } }],
      };
    }
    if (input.kind === "choice") return { ok: false, error: { key: "form-use-buttons" } };
    const checked = expectText(input, 100);
    if (!checked.ok) return { ok: false, error: checked.error };
    const found = findCommunes(province, checked.text);
    const label = communeLabelOf({ province } as QuestionContext);
    switch (found.kind) {
      case "one":
        return {
          ok: true,
          patch: { communeCode: found.commune.code },
          notices: [{ key: "commune-chosen", vars: { commune: communeLabel(found.commune) } }],
        };
      case "several":
        return {
          ok: false,
          clarify: { key: "commune-several", vars: { input: checked.text.slice(0, 40) } },
          choices: communeChoices(
            found.communes.slice(0, COMMUNE_PAGE_SIZE).map((c) => c.code),
            label,
          ),
        };
      case "former": {
        // A unit from before 1/7/2025: say what it is now, and let the owner confirm with a tap.
        const parts = candidateLabelParts(province, found);
        return {
          ok: false,
          clarify: {
            key: found.former.part ? "commune-former-confirm-part" : "commune-former-confirm",
            vars:
              parts.kind === "former"
                ? { former: parts.former, district: parts.district, commune: parts.commune }
                : {},
          },
          choices: [
            {
              value: `${COMMUNE_PICK_PREFIX}${found.commune.code}`,
              label: { key: "commune-yes", vars: { commune: communeLabel(found.commune) } },
            },
            { value: COMMUNE_BROWSE, label: { key: "commune-browse" } },
          ],
        };
      }
      case "choice":
        // A name used in several places: the owner picks; never a guess.
        return {
          ok: false,
          clarify: { key: "commune-choice", vars: { input: checked.text.slice(0, 40) } },
          details: found.candidates.map((candidate, index): Message => {
            const parts = candidateLabelParts(province, candidate);
            return parts.kind === "current"
              ? {
                  key: "commune-candidate-current",
                  vars: { number: index + 1, commune: parts.commune },
                }
              : {
                  key: parts.part ? "commune-candidate-former-part" : "commune-candidate-former",
                  vars: {
                    number: index + 1,
                    former: parts.former,
                    district: parts.district,
                    commune: parts.commune,
                  },
                };
          }),
          choices: communeChoices(
            found.candidates.map((candidate) => candidate.commune.code),
            label,
          ),
        };
      case "former-district":
        return {
          ok: false,
          clarify: {
            key: "commune-former-district",
            vars: {
              district: formerDistrictLabel({
                name: found.district,
                kind: found.districtKind,
                communeCodes: [],
              }),
            },
          },
          choices: communeChoices(
            found.communes.map((c) => c.code),
            label,
          ),
        };
      default:
        return {
          ok: false,
          error: {
            key: "commune-not-found",
            vars: { input: checked.text.slice(0, 40), province: province.name },
          },
        };
    }
  },
  display: (record, { province }) => {
    if (!record.communeCode) return null;
    const commune = communeByCode(province, record.communeCode);
    return commune ? communeLabel(commune) : record.communeCode;
  },
};

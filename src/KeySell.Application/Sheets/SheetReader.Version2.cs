using System.Text.Json;
using KeySell.Application.Common;
using KeySell.Application.Resources;
using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.Common;
using KeySell.Domain.Needs;
using KeySell.Domain.Process;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Sheets;

public static partial class SheetReader
{
    private static readonly FieldNames MilestoneFields = new("id", "done", "evidence");
    private static readonly FieldNames CallFields = new("id", "date", "with", "status", "commitment", "questions", "outcome", "notes");
    private static readonly FieldNames QuestionFields = new("type", "text");
    private static readonly FieldNames ActionFields = new("id", "text", "owner", "due", "status", "influence", "addresses");
    private static readonly FieldNames NeedsFields = new("currentState", "branches");
    private static readonly FieldNames BranchFields = new("layer", "problem", "children", "solution");
    private static readonly FieldNames SwotFields = new("strengths", "weaknesses", "opportunities", "threats");
    private static readonly FieldNames InfluenceLineFields = new("from", "to", "strength", "note");

    /// <summary>The version-2 parts of the sheet: the selling toolkit around the buying influences.</summary>
    private sealed partial class Walk
    {
        /// <summary>
        /// The version the sheet says it is. A sheet naming no known version is read as the newest, so its other
        /// problems are reported without calling the newest fields unknown.
        /// </summary>
        private int _version = 2;

        /// <summary>Needs nodes met so far; the limit counts the whole tree.</summary>
        private int _needNodes;

        private static int VersionOf(JsonElement root) =>
            root.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.String && schema.ValueEquals(SchemaVersion1) ? 1 : 2;

        /// <summary>Reads the version-2 lists and checks their references; returns how to complete the version-1 part with them.</summary>
        private Func<StrategySheet, StrategySheet> Toolkit(
            Dictionary<string, JsonElement> fields, List<(string Path, SheetInfluence Value)> influences)
        {
            var milestones = List(fields, "$", "milestones", ReadMilestone);
            CheckRepeatedMilestones(milestones);

            var calls = List(fields, "$", "calls", ReadCall);
            CheckCount(fields, "$", "calls", InputLimits.SheetCalls, "Sheet.TooManyCalls");
            CheckUniqueIds(calls.Select(c => (c.Path, c.Value.Id)), "Sheet.DuplicateCall");

            var actions = List(fields, "$", "actions", ReadAction);
            CheckCount(fields, "$", "actions", InputLimits.SheetActions, "Sheet.TooManyActions");
            CheckUniqueIds(actions.Select(a => (a.Path, a.Value.Id)), "Sheet.DuplicateAction");

            SheetNeeds? needs = null;
            if (fields.TryGetValue("needs", out var needsElement) && needsElement.ValueKind != JsonValueKind.Null)
            {
                needs = ReadNeeds(needsElement, "$.needs");
                if (_needNodes > InputLimits.SheetNeedNodes)
                    Problem("$.needs", Messages.Format("Sheet.TooManyNeeds", InputLimits.SheetNeedNodes, _needNodes));
            }

            var swot = SheetSwot.Empty;
            if (fields.TryGetValue("swot", out var swotElement) && swotElement.ValueKind != JsonValueKind.Null)
                swot = ReadSwot(swotElement, "$.swot") ?? SheetSwot.Empty;

            var lines = List(fields, "$", "influenceLines", ReadInfluenceLine);

            if (!_idsUnknown)
            {
                var ids = influences.Select(i => i.Value.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var (path, call) in calls)
                {
                    for (var i = 0; i < call.With.Count; i++) CheckInfluence(ids, $"{path}.with[{i}]", call.With[i]);
                }
                foreach (var (path, action) in actions) CheckInfluence(ids, path + ".influence", action.Influence);
                foreach (var (path, line) in lines)
                {
                    CheckInfluence(ids, path + ".from", line.From);
                    CheckInfluence(ids, path + ".to", line.To);
                }
            }

            return sheet => sheet with
            {
                Version = 2,
                Milestones = Values(milestones),
                Calls = Values(calls),
                Actions = Values(actions),
                Needs = needs,
                Swot = swot.Strengths.Count + swot.Weaknesses.Count + swot.Opportunities.Count + swot.Threats.Count == 0 ? SheetSwot.Empty : swot,
                InfluenceLines = Values(lines),
            };
        }

        /// <summary>The values read; an empty list as the record's own default, so a sheet without it equals one built in code.</summary>
        private static IReadOnlyList<T> Values<T>(List<(string Path, T Value)> items)
        {
            if (items.Count == 0) return [];
            return items.Select(i => i.Value).ToList();
        }

        private void CheckInfluence(HashSet<string> ids, string path, string? id)
        {
            if (id is not null && !ids.Contains(id)) Problem(path, Messages.Format("Sheet.NoSuchInfluence", id));
        }

        private void CheckUniqueIds(IEnumerable<(string Path, string Id)> items, string message)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, id) in items)
            {
                if (id.Length > 0 && !seen.Add(id)) Problem(path + ".id", Messages.Format(message, id));
            }
        }

        private void CheckRepeatedMilestones(List<(string Path, SheetMilestone Value)> milestones)
        {
            var seen = new HashSet<Milestone>();
            foreach (var (path, milestone) in milestones)
            {
                if (!seen.Add(milestone.Id)) Problem(path + ".id", Messages.Format("Sheet.DuplicateMilestone", milestone.Id.ToId()));
            }
        }

        private SheetMilestone? ReadMilestone(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, MilestoneFields);
            var id = RequiredEnum<Milestone>(fields, path, "id");
            var done = Date(fields, path, "done");
            var evidence = String(fields, path, "evidence", required: false);
            return id is { } milestone ? new SheetMilestone(milestone, done, evidence) : null;
        }

        private SheetCall? ReadCall(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, CallFields);
            var id = String(fields, path, "id", required: true);
            var date = Date(fields, path, "date");
            if (!fields.TryGetValue("date", out var dateElement) || dateElement.ValueKind == JsonValueKind.Null) Problem(path + ".date", Messages.Format("Required"));
            var with = Strings(fields, path, "with").Select(w => w.Value).ToList();
            var statusRead = Enum<CallStatus>(fields, path, "status", nullable: false);
            var status = statusRead ?? CallStatus.Planned;
            var statusKnown = statusRead is not null || !fields.ContainsKey("status");
            var commitment = String(fields, path, "commitment", required: false);
            var questions = List(fields, path, "questions", ReadQuestion);
            CheckCount(fields, path, "questions", Domain.Calls.Call.MaxQuestions, "Sheet.TooManyQuestions");
            var outcome = Enum<CallOutcome>(fields, path, "outcome", nullable: true);
            // A status that could not be read is reported already; the outcome is judged against a status only.
            if (outcome is { } held && statusKnown && status != CallStatus.Done)
                Problem(path + ".outcome", Messages.Format("Sheet.OutcomeNotDone", held.ToId(), status.ToId()));
            var notes = String(fields, path, "notes", required: false);
            return id is null || date is null
                ? null
                : new SheetCall(id, date.Value, with, status, commitment, questions.Select(q => q.Value).ToList(), outcome, notes);
        }

        private void CheckCount(Dictionary<string, JsonElement> fields, string path, string name, int limit, string message)
        {
            if (fields.TryGetValue(name, out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() is var count && count > limit)
                Problem(path + "." + name, Messages.Format(message, limit, count));
        }

        private CallQuestion? ReadQuestion(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, QuestionFields);
            var type = RequiredEnum<SpinType>(fields, path, "type");
            var text = String(fields, path, "text", required: true);
            return type is null || text is null ? null : new CallQuestion(type.Value, text);
        }

        private SheetAction? ReadAction(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, ActionFields);
            var id = String(fields, path, "id", required: true);
            var text = String(fields, path, "text", required: true);
            var owner = String(fields, path, "owner", required: false);
            var due = Date(fields, path, "due");
            var status = Enum<ActionStatus>(fields, path, "status", nullable: false) ?? ActionStatus.Open;
            var influence = String(fields, path, "influence", required: false);
            var addresses = RedFlagIdList(fields, path);
            return id is null || text is null ? null : new SheetAction(id, text, owner, due, status, influence, addresses);
        }

        private SheetNeeds? ReadNeeds(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, NeedsFields);
            var currentState = String(fields, path, "currentState", required: false);
            var branches = List(fields, path, "branches", (child, at) => ReadNeed(child, at, depth: 1));
            return new SheetNeeds(currentState, branches.Select(b => b.Value).ToList());
        }

        /// <summary>A node of the tree at <paramref name="depth"/> (a first-level branch is depth 1, and names its layer).</summary>
        private SheetNeed? ReadNeed(JsonElement element, string path, int depth)
        {
            _needNodes++;
            if (depth > InputLimits.SheetNeedsDepth)
            {
                // Reported once, at the first node too deep; what hangs below it is not read.
                Problem(path, Messages.Format("Sheet.NeedsTooDeep", InputLimits.SheetNeedsDepth));
                return null;
            }
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, BranchFields);
            NeedLayer? layer = null;
            if (depth == 1) layer = RequiredEnum<NeedLayer>(fields, path, "layer");
            else if (fields.TryGetValue("layer", out var misplaced) && misplaced.ValueKind != JsonValueKind.Null)
                Problem(path + ".layer", Messages.Format("Sheet.LayerBelowBranch", misplaced.ValueKind == JsonValueKind.String ? misplaced.GetString() : misplaced.GetRawText()));
            var problem = String(fields, path, "problem", required: true);
            var children = List(fields, path, "children", (child, at) => ReadNeed(child, at, depth + 1));
            var solution = String(fields, path, "solution", required: false);
            return problem is null || (depth == 1 && layer is null)
                ? null
                : new SheetNeed(layer, problem, children.Select(c => c.Value).ToList(), solution);
        }

        private SheetSwot? ReadSwot(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, SwotFields);
            return new SheetSwot(
                Strings(fields, path, "strengths").Select(s => s.Value).ToList(),
                Strings(fields, path, "weaknesses").Select(s => s.Value).ToList(),
                Strings(fields, path, "opportunities").Select(s => s.Value).ToList(),
                Strings(fields, path, "threats").Select(s => s.Value).ToList());
        }

        private SheetInfluenceLine? ReadInfluenceLine(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, InfluenceLineFields);
            var from = String(fields, path, "from", required: true);
            var to = String(fields, path, "to", required: true);
            if (from is not null && from == to) Problem(path + ".to", Messages.Format("Sheet.LineToItself", to));
            var strength = Enum<LineStrength>(fields, path, "strength", nullable: false) ?? LineStrength.Medium;
            var note = String(fields, path, "note", required: false);
            return from is null || to is null ? null : new SheetInfluenceLine(from, to, strength, note);
        }

        /// <summary>
        /// Red-flag ids (what a strength or an action works against): a version-1 sheet knows the version-1 rules only,
        /// as it always did.
        /// </summary>
        private List<string> RedFlagIdList(Dictionary<string, JsonElement> fields, string path)
        {
            var known = _version == 1 ? RedFlagIds.Version1 : RedFlagIds.All;
            var addresses = new List<string>();
            foreach (var (itemPath, id) in Strings(fields, path, "addresses"))
            {
                if (known.Contains(id)) addresses.Add(id);
                else Problem(itemPath, Messages.Format("UnknownRedFlag", id, string.Join(", ", known)));
            }
            return addresses;
        }

        /// <summary>A set of method ids, each at most once, kept in the method's order (the enum's).</summary>
        private IReadOnlyList<T> EnumSet<T>(Dictionary<string, JsonElement> fields, string path, string name) where T : struct, System.Enum
        {
            var values = new List<T>();
            foreach (var (itemPath, id) in Strings(fields, path, name))
            {
                if (!MethodIds.TryParse<T>(id, out var value))
                    Problem(itemPath, Messages.Format("UnknownValue", id, string.Join(", ", MethodIds.AllIds<T>())));
                else if (values.Contains(value)) Problem(itemPath, Messages.Format("Sheet.Repeated", id));
                else values.Add(value);
            }
            values.Sort();
            // Empty as the record's own default is, so a sheet without steps equals one built in code.
            if (values.Count == 0) return [];
            return values;
        }

        private T? RequiredEnum<T>(Dictionary<string, JsonElement> fields, string path, string name) where T : struct, System.Enum
        {
            if (!fields.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                Problem(Child(path, name), Messages.Format("Required"));
                return null;
            }
            return Enum<T>(fields, path, name, nullable: false);
        }
    }
}

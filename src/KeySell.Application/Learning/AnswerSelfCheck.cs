using System.Text.Json;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.Learning;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Learning;

/// <summary>
/// How an answer scored (<c>POST /api/learn/self-checks/{id}/answers</c>): the share right (0…1), what was right and
/// wrong in the check's own terms (the choice, the three questions, letters, people's ids), why in the course's words in
/// the caller's language, and the right answer to compare with (1-1's choice; 2-1's people with the roles the deal
/// records; 3-1's questions with yes or no; 4-1's letters with their roles).
/// </summary>
public sealed record SelfCheckOutcome(
    decimal Score, IReadOnlyList<string> Correct, IReadOnlyList<string> Wrong, string Explanation,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RightAnswer);

/// <summary>
/// Grades an answer to one of the four self-checks at once and keeps it in the caller's progress. The answer is the
/// JSON object the check asks for:
/// 1-1 <c>{"choice":"before-project"}</c>; 2-1 <c>{"opportunityId":…,"contacts":[{"personId":…,"role":"coach"}]}</c>;
/// 3-1 <c>{"tree":"steel-coils","rooted":true,"decomposed":false,"landed":true}</c>;
/// 4-1 <c>{"coach":["A"],"user":["D"],"technical":["H"],"economic":["K"]}</c>.
/// An unknown check is 404; an unknown choice, tree, role, letter or person is 400 naming the field.
/// </summary>
public static class AnswerSelfCheck
{
    public sealed record Command(string Id, JsonElement Answer);

    /// <summary>More items than this in one list of an answer are refused: 4-1 has fourteen letters, 2-1 a page of people.</summary>
    public const int MaxItems = ListSelfChecks.MaxPeople;

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<SelfCheckOutcome>> Handle(Command command, CancellationToken ct)
        {
            if (!SelfChecks.Ids.Contains(command.Id)) return Error.NotFound(Messages.Format("NotFound", "self-check", Texts.Cut(command.Id, 16)));
            if (db.CallerUserId.Length == 0) return Error.Forbidden(LearningWords.Format("NoUser"));
            if (command.Answer.ValueKind != JsonValueKind.Object) return Error.Invalid("answer", LearningWords.Format("Answer.NotObject"));

            var validation = new Validation();
            var graded = command.Id switch
            {
                SelfChecks.BoardingPoint => BoardingPointAnswer(command.Answer, validation),
                SelfChecks.NeedsTree => NeedsTreeAnswer(command.Answer, validation),
                SelfChecks.WinCriteria => WinCriteriaAnswer(command.Answer, validation),
                _ => null,
            };
            string? reference = null;
            if (command.Id == SelfChecks.OrgChartContacts)
            {
                var orgChart = await OrgChartAnswerAsync(command.Answer, validation, ct);
                if (!orgChart.Succeeded) return orgChart.Error!;
                (graded, reference) = orgChart.Value;
            }
            else if (command.Id == SelfChecks.NeedsTree && command.Answer.TryGetProperty("tree", out var tree) && tree.ValueKind == JsonValueKind.String)
                reference = tree.GetString();
            if (validation.HasErrors || graded is null) return validation.ToError();

            db.LearningResults.Add(new LearningResult
            {
                UserId = db.CallerUserId, Kind = LearningKind.SelfCheck, Topic = command.Id,
                Score = graded.Score, TakenAt = time.GetUtcNow(), Reference = reference,
            });
            await db.SaveChangesAsync(ct);
            return graded;
        }

        private async Task<Result<(SelfCheckOutcome?, string?)>> OrgChartAnswerAsync(JsonElement answer, Validation validation, CancellationToken ct)
        {
            Guid? opportunityId = answer.TryGetProperty("opportunityId", out var id) && id.ValueKind == JsonValueKind.String && id.TryGetGuid(out var guid) ? guid : null;
            if (opportunityId is null) { validation.Add("opportunityId", Messages.Format("Required")); return (null, null); }
            var deal = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => new { o.Id, o.AccountId }).FirstOrDefaultAsync(ct);
            if (deal is null) return Versions.NotFound("opportunity", opportunityId);

            var people = await db.People.Where(p => p.AccountId == deal.AccountId).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            var chosen = new Dictionary<Guid, BuyingRoles>();
            if (!answer.TryGetProperty("contacts", out var contacts) || contacts.ValueKind != JsonValueKind.Array)
                validation.Add("contacts", LearningWords.Format("Answer.NotList"));
            else if (contacts.GetArrayLength() > MaxItems) validation.Add("contacts", LearningWords.Format("Answer.TooMany", MaxItems));
            else
            {
                var i = 0;
                foreach (var contact in contacts.EnumerateArray())
                {
                    var path = $"contacts[{i++}]";
                    if (contact.ValueKind != JsonValueKind.Object) { validation.Add(path, LearningWords.Format("Answer.NotObject")); continue; }
                    var personText = contact.TryGetProperty("personId", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                    if (personText is null || !Guid.TryParse(personText, out var personId) || !people.ContainsKey(personId))
                    {
                        validation.Add($"{path}.personId", LearningWords.Format("Unknown.Person", Texts.Cut(personText ?? "", 40)));
                        continue;
                    }
                    var roleText = contact.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                    if (!TryRole(roleText, out var role)) { validation.Add($"{path}.role", LearningWords.Format("Unknown.Role", Texts.Cut(roleText ?? "", 40))); continue; }
                    if (!chosen.TryAdd(personId, role)) validation.Add($"{path}.personId", Messages.Format("Calls.DuplicateWith", personId));
                }
            }
            if (validation.HasErrors) return (null, null);

            // The deal's roles of the people still there: whom a seller would contact today.
            var recorded = (await db.BuyingInfluences.Where(x => x.OpportunityId == deal.Id && x.Roles != BuyingRoles.None && x.Person!.Status == PersonStatus.Active)
                    .Select(x => new { x.PersonId, x.Roles }).ToListAsync(ct))
                .GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => g.Aggregate(BuyingRoles.None, (all, x) => all | x.Roles));
            if (recorded.Count == 0) { validation.Add("opportunityId", LearningWords.Format("SelfCheck.NoRoles")); return (null, null); }

            var grade = OrgChartContacts.GradeAnswer(recorded, chosen);
            string Named(Guid person) => people.GetValueOrDefault(person, person.ToString());
            string RolesOf(BuyingRoles roles) => string.Join(LearningWords.Format("Or"), roles.Split().Select(x => LearningWords.Format("Role." + x.ToId())));
            var lines = new List<string>
            {
                grade.Score.Wrong.Count == 0 ? LearningWords.Format("Explain.2-1.All") : LearningWords.Format("Explain.2-1.Score", grade.Score.Correct.Count, grade.Score.Correct.Count + grade.Score.Wrong.Count),
            };
            if (grade.Missed.Count > 0)
                lines.Add(LearningWords.Format("Explain.2-1.Missed", LearningWords.List(grade.Missed.Select(x => LearningWords.Format("Explain.2-1.Person", Named(x), RolesOf(recorded[x]))))));
            if (grade.WrongRole.Count > 0)
                lines.Add(LearningWords.Format("Explain.2-1.WrongRole", LearningWords.List(grade.WrongRole.Select(x => LearningWords.Format("Explain.2-1.Person", Named(x), RolesOf(recorded[x]))))));
            if (grade.NotOnTheDeal.Count > 0)
                lines.Add(LearningWords.Format("Explain.2-1.NotOnTheDeal", LearningWords.List(grade.NotOnTheDeal.Select(Named))));
            if (grade.RolesMissed.Count > 0)
                lines.Add(LearningWords.Format("Explain.2-1.RolesMissed", LearningWords.List(grade.RolesMissed.Select(x => LearningWords.Format("Role." + x.ToId())))));
            var right = recorded.OrderBy(x => x.Key).ToDictionary(x => x.Key.ToString(), x => (IReadOnlyList<string>)x.Value.Split().Select(r => r.ToId()).ToList());
            return (new SelfCheckOutcome(grade.Score.Score, grade.Score.Correct, grade.Score.Wrong, LearningWords.Sentences(lines), right), deal.Id.ToString());
        }
    }

    private static SelfCheckOutcome? BoardingPointAnswer(JsonElement answer, Validation validation)
    {
        var choice = answer.TryGetProperty("choice", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (choice is null) { validation.Add("choice", Messages.Format("Required")); return null; }
        if (!BoardingPoint.IsChoice(choice))
        {
            validation.Add("choice", LearningWords.Format("Unknown.Choice", Texts.Cut(choice, 40), string.Join(", ", BoardingPoint.Choices)));
            return null;
        }
        var grade = BoardingPoint.Grade(choice);
        return new SelfCheckOutcome(grade.Score, grade.Correct, grade.Wrong,
            LearningWords.Format(grade.Score == 1m ? "Explain.1-1.Right" : "Explain.1-1.Wrong"),
            new Dictionary<string, IReadOnlyList<string>> { ["choice"] = [BoardingPoint.BeforeProject] });
    }

    private static SelfCheckOutcome? NeedsTreeAnswer(JsonElement answer, Validation validation)
    {
        var treeId = answer.TryGetProperty("tree", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var exercise = treeId is null ? null : NeedsTreeBank.Find(treeId);
        if (treeId is null) validation.Add("tree", Messages.Format("Required"));
        else if (exercise is null) validation.Add("tree", LearningWords.Format("Unknown.Tree", Texts.Cut(treeId, 40)));
        var said = new Dictionary<string, bool>();
        foreach (var question in ListSelfChecks.Questions)
        {
            if (!answer.TryGetProperty(question, out var value)) validation.Add(question, Messages.Format("Required"));
            else if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) validation.Add(question, LearningWords.Format("Answer.NotBoolean"));
            else said[question] = value.GetBoolean();
        }
        if (exercise is null || validation.HasErrors) return null;

        var grade = NeedsTreeBank.Grade(exercise, said["rooted"], said["decomposed"], said["landed"]);
        var checks = exercise.Checks;
        var truth = new Dictionary<string, bool> { ["rooted"] = checks.Rooted, ["decomposed"] = checks.Decomposed, ["landed"] = checks.Landed };
        var lines = new List<string> { grade.Wrong.Count == 0 ? LearningWords.Format("Explain.3-1.Right") : LearningWords.Format("Explain.3-1.Score", grade.Correct.Count) };
        lines.AddRange(ListSelfChecks.Questions.Select(q => LearningWords.Format($"Explain.3-1.{q}.{(truth[q] ? "Yes" : "No")}")));
        return new SelfCheckOutcome(grade.Score, grade.Correct, grade.Wrong, LearningWords.Sentences(lines),
            truth.ToDictionary(x => x.Key, x => (IReadOnlyList<string>)[x.Value ? "yes" : "no"]));
    }

    private static SelfCheckOutcome? WinCriteriaAnswer(JsonElement answer, Validation validation)
    {
        var placed = new Dictionary<BuyingRoles, IReadOnlyList<char>>();
        foreach (var property in answer.EnumerateObject())
        {
            if (!TryRole(property.Name, out var role)) { validation.Add(property.Name, LearningWords.Format("Unknown.Role", Texts.Cut(property.Name, 40))); continue; }
            if (property.Value.ValueKind != JsonValueKind.Array) { validation.Add(property.Name, LearningWords.Format("Answer.NotList")); continue; }
            if (property.Value.GetArrayLength() > MaxItems) { validation.Add(property.Name, LearningWords.Format("Answer.TooMany", MaxItems)); continue; }
            var letters = new List<char>();
            var i = 0;
            foreach (var item in property.Value.EnumerateArray())
            {
                var path = $"{property.Name}[{i++}]";
                var text = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : item.GetRawText();
                if (text.Length == 1 && WinCriteriaSort.IsLetter(char.ToUpperInvariant(text[0]))) letters.Add(char.ToUpperInvariant(text[0]));
                else validation.Add(path, LearningWords.Format("Unknown.Letter", Texts.Cut(text, 40)));
            }
            placed[role] = placed.TryGetValue(role, out var before) ? [.. before, .. letters] : letters;
        }
        if (validation.HasErrors) return null;

        var grade = WinCriteriaSort.Grade(placed);
        var count = placed.SelectMany(p => p.Value).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var lines = new List<string> { grade.Wrong.Count == 0 ? LearningWords.Format("Explain.4-1.All") : LearningWords.Format("Explain.4-1.Score", grade.Correct.Count) };
        foreach (var criterion in WinCriteriaSort.Criteria.Where(c => grade.Wrong.Contains(c.Letter.ToString())))
        {
            var named = $"{criterion.Letter} {(ListSelfChecks.IsChinese ? criterion.Chinese : criterion.English)}";
            var times = count.GetValueOrDefault(criterion.Letter);
            lines.Add(times switch
            {
                0 => LearningWords.Format("Explain.4-1.Missing", named),
                > 1 => LearningWords.Format("Explain.4-1.Twice", named),
                _ => LearningWords.Format("Explain.4-1.Wrong", named,
                    string.Join(LearningWords.Format("Or"), criterion.RightRoles.Split().Select(r => LearningWords.Format("Role." + r.ToId())))),
            });
        }
        lines.Add(LearningWords.Format("Explain.4-1.Reliability"));
        return new SelfCheckOutcome(grade.Score, grade.Correct, grade.Wrong, LearningWords.Sentences(lines),
            WinCriteriaSort.Criteria.ToDictionary(c => c.Letter.ToString(), c => (IReadOnlyList<string>)c.RightRoles.Split().Select(r => r.ToId()).ToList()));
    }

    internal static bool TryRole(string? id, out BuyingRoles role)
    {
        role = BuyingRoles.None;
        var found = BuyingRolesExtensions.Each.FirstOrDefault(r => r.ToId() == id);
        if (found == BuyingRoles.None) return false;
        role = found;
        return true;
    }
}

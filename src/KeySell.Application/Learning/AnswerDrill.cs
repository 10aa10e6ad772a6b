using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.RedFlags;
using KeySell.Application.Resources;
using KeySell.Domain.Common;
using KeySell.Domain.Funnel;
using KeySell.Domain.Learning;
using KeySell.Domain.Opportunities;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Learning;

/// <summary>
/// How a drill answer scored, checked by the engine on the deal as it stands: the share right, the parts right and
/// wrong, why in the course's words, the right answer, and the sheet's cell the explanation is about
/// (<see cref="Link"/>: <c>/opportunities/{id}?cell=mode&amp;influence=i2</c>). <see cref="Counted"/> is false when the
/// question was already answered today: the first answer of the day is the one progress keeps.
/// </summary>
public sealed record DrillOutcome(
    decimal Score, IReadOnlyList<string> Correct, IReadOnlyList<string> Wrong, string Explanation,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RightAnswer, string Link, string Cell, string? Influence, bool Counted);

/// <summary>
/// Grades an answer to a drill question (<c>POST /api/learn/drill/answers</c>):
/// <c>{"question":"red-flag:{deal}","choice":"no-coach"}</c>; the economic buyer's question adds
/// <c>"receptive":"receptive|unreceptive|unknown"</c> and chooses a person by their sheet id (<c>i2</c>); the funnel's
/// chooses <c>above|in|best-few</c>. A deal the caller may not read is 404, an unknown choice 400.
/// </summary>
public static class AnswerDrill
{
    public sealed record Command(string? Question, string? Choice, string? Receptive = null);

    public sealed class Handler(AppDbContext db, StrategyAnalyzer analyzer, TimeProvider time)
    {
        public async Task<Result<DrillOutcome>> Handle(Command command, CancellationToken ct)
        {
            if (db.CallerUserId.Length == 0) return Error.Forbidden(LearningWords.Format("NoUser"));
            if (!DrillDeck.TryParse(command.Question, out var topic, out var dealId))
                return Error.Invalid("question", LearningWords.Format("Unknown.Question", Texts.Cut(command.Question ?? "", 80)));
            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            if (await DrillDeck.JudgeAsync(db, analyzer, dealId, today, ct) is not { } judged) return Versions.NotFound("opportunity", dealId);
            var analysis = judged.Analysis;

            var validation = new Validation();
            var choice = command.Choice?.Trim();
            if (string.IsNullOrEmpty(choice)) validation.Add("choice", Messages.Format("Required"));
            var receptive = Receptiveness.Unknown;
            switch (topic)
            {
                case DrillTopic.RedFlag or DrillTopic.NextStep when choice is { Length: > 0 } && !DrillQuestions.RuleIds.Contains(choice):
                    validation.Add("choice", LearningWords.Format("Unknown.Rule", Texts.Cut(choice, 40)));
                    break;
                case DrillTopic.EconomicBuyer:
                    if (choice is { Length: > 0 } && analysis.Sheet.Influences.All(i => i.Id != choice))
                        validation.Add("choice", LearningWords.Format("Unknown.Choice", Texts.Cut(choice, 40), string.Join(", ", analysis.Sheet.Influences.Select(i => i.Id))));
                    if (string.IsNullOrEmpty(command.Receptive)) validation.Add("receptive", Messages.Format("Required"));
                    else if (!MethodIds.TryParse(command.Receptive, out receptive))
                        validation.Add("receptive", LearningWords.Format("Unknown.Choice", Texts.Cut(command.Receptive, 40), string.Join(", ", MethodIds.AllIds<Receptiveness>())));
                    break;
                case DrillTopic.FunnelLevel when choice is { Length: > 0 } && !(MethodIds.TryParse<FunnelLevel>(choice, out var level) && DrillQuestions.EarnableLevels.Contains(level)):
                    validation.Add("choice", LearningWords.Format("Unknown.Choice", Texts.Cut(choice, 40), string.Join(", ", DrillQuestions.EarnableLevels.Select(l => l.ToId()))));
                    break;
            }
            if (validation.HasErrors) return validation.ToError();
            if (!DrillQuestions.Applies(topic, analysis))
                return Error.Conflict(LearningWords.Format("Drill.Changed"));

            var outcome = Grade(topic, judged.Deal, analysis, choice!, receptive);

            // The first answer of the day to a question is the one progress keeps.
            var reference = DrillDeck.Reference(today, DrillDeck.QuestionId(topic, dealId));
            var user = db.CallerUserId;
            var counted = !await db.LearningResults.AnyAsync(r => r.UserId == user && r.Kind == LearningKind.Drill && r.Reference == reference, ct);
            if (counted)
            {
                db.LearningResults.Add(new LearningResult
                {
                    UserId = user, Kind = LearningKind.Drill, Topic = topic.ToId(), Score = outcome.Score,
                    TakenAt = time.GetUtcNow(), Reference = reference,
                });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Two answers at once from two tabs: the unique reference kept the other one, and this one is not counted
                    // (its result and its history line are let go together). Anything else is a real failure.
                    db.ChangeTracker.Clear();
                    if (!await db.LearningResults.AnyAsync(r => r.UserId == user && r.Kind == LearningKind.Drill && r.Reference == reference, ct)) throw;
                    counted = false;
                }
            }
            return outcome with { Counted = counted };
        }
    }

    private static DrillOutcome Grade(DrillTopic topic, Opportunity deal, SheetAnalysis analysis, string choice, Receptiveness receptive)
    {
        var words = RedFlagWords.Current;
        switch (topic)
        {
            case DrillTopic.RedFlag:
            {
                var grade = DrillQuestions.GradeRedFlag(analysis, choice);
                var shown = DrillQuestions.EngineFlags(analysis).FirstOrDefault(f => f.Id == choice) ?? DrillQuestions.EngineFlags(analysis).First();
                var (message, action) = words.Describe(shown, analysis);
                var explanation = grade.Score == 1m
                    ? LearningWords.Format("DrillExplain.red-flag.Right", words.Name(choice), LearningWords.Sentences([message, action]))
                    : LearningWords.Format("DrillExplain.red-flag.Wrong", words.Name(choice), words.Name(shown.Id), LearningWords.Sentences([message, action]));
                var fired = DrillQuestions.EngineFlags(analysis).Select(f => f.Id).Distinct().ToList();
                return Outcome(grade, explanation, new() { ["fires"] = fired }, deal, SheetCells.Of(shown.Id), shown.Influence?.Id);
            }
            case DrillTopic.NextStep:
            {
                var grade = DrillQuestions.GradeNextStep(analysis, choice);
                var first = grade.Score == 1m
                    ? DrillQuestions.EngineFlags(analysis).First(f => f.Id == choice)
                    : DrillQuestions.FirstToAddress(analysis)!;
                var (message, action) = words.Describe(first, analysis);
                var explanation = grade.Score == 1m
                    ? LearningWords.Format("DrillExplain.next-step.Right", words.Name(first.Id), action)
                    : LearningWords.Format("DrillExplain.next-step.Wrong", words.Name(first.Id), LearningWords.Sentences([message, action]));
                var severity = RedFlagSeverities.Of(DrillQuestions.FirstToAddress(analysis)!.Id);
                var right = DrillQuestions.EngineFlags(analysis).Where(f => RedFlagSeverities.Of(f.Id) == severity).Select(f => f.Id).Distinct().ToList();
                return Outcome(grade, explanation, new() { ["first"] = right }, deal, SheetCells.Of(first.Id), first.Influence?.Id);
            }
            case DrillTopic.EconomicBuyer:
            {
                var grade = DrillQuestions.GradeEconomicBuyer(analysis, choice, receptive);
                var buyers = DrillQuestions.EconomicBuyers(analysis).ToList();
                var chosen = analysis.Sheet.Influences.First(i => i.Id == choice);
                var judged = buyers.FirstOrDefault(b => b.Id == choice) ?? buyers.First();
                var lines = new List<string>
                {
                    buyers.Any(b => b.Id == choice)
                        ? LearningWords.Format("DrillExplain.economic-buyer.Who", judged.Name)
                        : LearningWords.Format("DrillExplain.economic-buyer.WrongPerson", chosen.Name, LearningWords.List(buyers.Select(b => b.Name))),
                };
                var mode = DrillQuestions.ReceptivenessOf(judged);
                lines.Add(mode == Receptiveness.Unknown
                    ? LearningWords.Format("DrillExplain.economic-buyer.Mode.unknown", judged.Name)
                    : LearningWords.Format("DrillExplain.economic-buyer.Mode." + mode.ToId(), judged.Name, LearningWords.Format("Mode." + judged.Mode.ToId())));
                var right = new Dictionary<string, IReadOnlyList<string>>
                {
                    ["economicBuyer"] = buyers.Select(b => b.Id).ToList(),
                    ["receptive"] = [mode.ToId()],
                };
                // Pointing at the role when the person was wrong, else at the mode that decides receptiveness.
                var cell = grade.Wrong.Contains("economic-buyer") ? "roles" : "mode";
                return Outcome(grade, LearningWords.Sentences(lines), right, deal, cell, judged.Id);
            }
            default:
            {
                var level = MethodIds.Parse<FunnelLevel>(choice);
                var grade = DrillQuestions.GradeFunnelLevel(analysis, level);
                var earned = analysis.Funnel.HighestMet;
                var lines = new List<string> { LearningWords.Format("DrillExplain.funnel-level", DrillDeck.LevelName(earned)) };
                // What keeps it from the best few, the level that asks for everything.
                var unmet = FunnelPrerequisites.Judge(FunnelLevel.BestFew, analysis.Sheet.Opportunity.Objective.IsComplete,
                    analysis.Receptive.Count > 0, analysis.RedFlags.Count > 0).Unmet;
                lines.AddRange(unmet.Count == 0
                    ? [LearningWords.Format("DrillExplain.funnel-level.AllMet")]
                    : unmet.Select(u => LearningWords.Format("DrillExplain.funnel-level." + u)));
                if (deal.FunnelLevel > earned && deal.FunnelLevel is FunnelLevel.In or FunnelLevel.BestFew)
                    lines.Add(LearningWords.Format("DrillExplain.funnel-level.Premature"));
                var cell = unmet.Contains(FunnelPrerequisite.Objective) ? "objective"
                    : unmet.Contains(FunnelPrerequisite.ReceptiveInfluence) ? "mode"
                    : unmet.Contains(FunnelPrerequisite.RedFlags) ? "red-flags"
                    : "funnel-level";
                return Outcome(grade, LearningWords.Sentences(lines), new() { ["level"] = [earned.ToId()] }, deal, cell, null);
            }
        }
    }

    private static DrillOutcome Outcome(SelfCheckGrade grade, string explanation, Dictionary<string, IReadOnlyList<string>> right, Opportunity deal, string cell, string? influence) =>
        new(grade.Score, grade.Correct, grade.Wrong, explanation, right, SheetCells.Link(deal.Id, cell, influence), cell, influence, Counted: true);
}

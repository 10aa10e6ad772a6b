using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Common;
using KeySell.Domain.Learning;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Sheets;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Learning;

/// <summary>
/// Today's drill (<c>GET /api/learn/drill</c>): five questions about deals the caller may read — their own first —
/// each asked only where the engine has an answer: which red flag fires, who the economic buyer is and whether they are
/// receptive, which funnel level the deal has earned, what the next step addresses first. The same all day on every
/// server (seeded by user and day); a question answered today stays in it with its score.
/// </summary>
public static class GetDrill
{
    public const int Questions = 5;

    /// <summary>How many deals a drill draws from, and how many it judges at most to find its questions.</summary>
    public const int Candidates = 200;
    public const int MaxJudged = 25;

    public sealed record Query;

    public sealed record Drill(DateOnly Day, IReadOnlyList<DrillQuestion> Questions, string? Unavailable);

    /// <summary>Each day starts the rotation of topics one further, so every topic comes first in turn.</summary>
    private static readonly DrillTopic[] Rotation = [DrillTopic.RedFlag, DrillTopic.EconomicBuyer, DrillTopic.FunnelLevel, DrillTopic.NextStep];

    public sealed class Handler(AppDbContext db, StrategyAnalyzer analyzer, TimeProvider time)
    {
        public async Task<Result<Drill>> Handle(Query query, CancellationToken ct)
        {
            if (db.CallerUserId.Length == 0) return Error.Forbidden(LearningWords.Format("NoUser"));
            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            var user = db.CallerUserId;
            var questions = new List<DrillQuestion>();
            var asked = new HashSet<string>(StringComparer.Ordinal);
            // Each deal is read and judged once per drill, though it may carry several questions.
            var judgements = new Dictionary<Guid, (Opportunity Deal, SheetAnalysis Analysis)?>();

            // What was answered today stays, in the order it was answered, with its score.
            var prefix = today.ToString("yyyy-MM-dd") + "/";
            var answered = await db.LearningResults
                .Where(r => r.UserId == user && r.Kind == LearningKind.Drill && r.Reference != null && r.Reference.StartsWith(prefix))
                .OrderBy(r => r.TakenAt).Select(r => new { r.Reference, r.Score }).Take(Questions).ToListAsync(ct);
            foreach (var done in answered)
            {
                var id = done.Reference![prefix.Length..];
                if (!DrillDeck.TryParse(id, out var topic, out var dealId)) continue;
                if (await JudgeAsync(dealId) is not { } judged || !DrillQuestions.Applies(topic, judged.Analysis)) continue;
                questions.Add(DrillDeck.Ask(topic, judged.Deal, judged.Analysis, DrillDeck.RandomFor(user, today, id), done.Score));
                asked.Add(id);
            }

            var start = today.DayNumber % Rotation.Length;
            var wanted = Enumerable.Range(0, Questions).Select(i => Rotation[(start + i) % Rotation.Length]).ToList();
            foreach (var q in questions) wanted.Remove(MethodIds.Parse<DrillTopic>(q.Topic));
            if (questions.Count >= Questions) return new Drill(today, questions, null);

            var deals = await CandidatesAsync(today, ct);
            var judgedDeals = new List<(Opportunity Deal, SheetAnalysis Analysis)>();
            var used = questions.Select(q => q.OpportunityId).ToHashSet();
            // First pass: a different deal for each question where the caller's deals allow it.
            foreach (var id in deals)
            {
                if (wanted.Count == 0 || judgedDeals.Count >= MaxJudged) break;
                if (await JudgeAsync(id) is not { } judged) continue;
                judgedDeals.Add(judged);
                if (used.Contains(id)) continue;
                var topic = wanted.Cast<DrillTopic?>().FirstOrDefault(t => DrillQuestions.Applies(t!.Value, judged.Analysis) && !asked.Contains(DrillDeck.QuestionId(t.Value, id)));
                if (topic is not { } t) continue;
                Add(t, judged);
                wanted.Remove(t);
                used.Add(id);
            }
            // Then what is left, on the deals already judged: fewer deals than questions still makes a drill.
            foreach (var topic in wanted.ToList())
            {
                var open = (from j in judgedDeals
                            from t in Rotation
                            where DrillQuestions.Applies(t, j.Analysis) && !asked.Contains(DrillDeck.QuestionId(t, j.Deal.Id))
                            orderby t == topic ? 0 : 1
                            select (Topic: t, Judged: j)).FirstOrDefault();
                if (open.Judged.Deal is null) break;
                Add(open.Topic, open.Judged);
            }
            return new Drill(today, questions, questions.Count == 0 ? LearningWords.Format("Drill.NoDeals") : null);

            async Task<(Opportunity Deal, SheetAnalysis Analysis)?> JudgeAsync(Guid id)
            {
                if (!judgements.TryGetValue(id, out var judged)) judgements[id] = judged = await DrillDeck.JudgeAsync(db, analyzer, id, today, ct);
                return judged;
            }

            void Add(DrillTopic topic, (Opportunity Deal, SheetAnalysis Analysis) judged)
            {
                var id = DrillDeck.QuestionId(topic, judged.Deal.Id);
                questions.Add(DrillDeck.Ask(topic, judged.Deal, judged.Analysis, DrillDeck.RandomFor(user, today, id), null));
                asked.Add(id);
            }
        }

        /// <summary>
        /// The open deals a drill draws from, shuffled by the day's seed: the caller's own when they have any (by the
        /// owner's index), else any they may read in key order, so the database stops early instead of sorting them all.
        /// </summary>
        private async Task<List<Guid>> CandidatesAsync(DateOnly today, CancellationToken ct)
        {
            var open = db.Opportunities.Where(o => o.FunnelLevel != FunnelLevel.Won && o.FunnelLevel != FunnelLevel.Lost);
            var ids = db.CallerColleagueId is { } me
                ? await open.Where(o => o.OwnerId == me).OrderBy(o => o.Id).Select(o => o.Id).Take(Candidates).ToListAsync(ct)
                : [];
            if (ids.Count == 0) ids = await open.OrderBy(o => o.Id).Select(o => o.Id).Take(Candidates).ToListAsync(ct);
            var random = DrillDeck.RandomFor(db.CallerUserId, today);
            for (var i = ids.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (ids[i], ids[j]) = (ids[j], ids[i]);
            }
            return ids;
        }
    }
}

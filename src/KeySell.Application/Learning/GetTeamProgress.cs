using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Learning;

/// <summary>
/// The team's learning (<c>GET /api/learn/team-progress?days=</c>), for a manager to coach where the method is weak: each
/// member of the teams the caller manages (every user for an admin) with their average per self-check and drill topic
/// over the last days, and the team's average per topic, the weakest first. Anyone else is refused (403).
/// </summary>
public static class GetTeamProgress
{
    public sealed record Query(int? Days = null);

    public sealed record TopicScore(string Topic, int Attempts, decimal? Average);

    public sealed record Member(string UserId, string Name, int Attempts, decimal? Average, DateTimeOffset? LastTakenAt, IReadOnlyList<TopicScore> Topics);

    public sealed record TopicSummary(string Topic, string Kind, string Title, int Attempts, int People, decimal? Average);

    public sealed record Team(int Days, IReadOnlyList<TopicSummary> Topics, IReadOnlyList<Member> Members);

    public const int DefaultDays = 90;
    public const int MaxDays = 730;
    /// <summary>An admin's view lists this many users at most, by name.</summary>
    public const int MaxMembers = 500;

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<Team>> Handle(Query query, CancellationToken ct)
        {
            var days = query.Days ?? DefaultDays;
            if (days is < 1 or > MaxDays) return Error.Invalid("days", Messages.Format("OutOfRange", 1, MaxDays));
            if (!db.CallerIsAdmin && !await db.UsersCallerManages.AnyAsync(ct)) return Error.Forbidden(LearningWords.Format("ProgressPrivate"));

            var ids = db.CallerIsAdmin
                ? await db.Users.OrderBy(u => u.Email).ThenBy(u => u.Id).Select(u => u.Id).Take(MaxMembers).ToListAsync(ct)
                : await db.UsersCallerManages.Distinct().ToListAsync(ct);
            var names = await LearningQueries.UserNames(db, ids).ToListAsync(ct);
            var since = time.GetUtcNow().AddDays(-days);
            // The access rules apply too: a manager reads the results of the members of the teams they manage.
            var answers = await db.LearningResults.AsNoTracking().Where(r => ids.Contains(r.UserId) && r.TakenAt >= since)
                .Select(r => new { r.UserId, r.Topic, r.Score, r.TakenAt }).ToListAsync(ct);

            var members = names.Select(n =>
            {
                var of = answers.Where(a => a.UserId == n.UserId).ToList();
                var topics = LearningQueries.Topics.Select(t =>
                {
                    var scores = of.Where(a => a.Topic == t.Topic).Select(a => a.Score).ToList();
                    return new TopicScore(t.Topic, scores.Count, scores.Count == 0 ? null : Math.Round(scores.Average(), 4));
                }).ToList();
                return new Member(n.UserId, n.Name, of.Count, of.Count == 0 ? null : Math.Round(of.Average(a => a.Score), 4),
                    of.Count == 0 ? null : of.Max(a => a.TakenAt), topics);
            }).OrderBy(m => m.Name, StringComparer.CurrentCulture).ThenBy(m => m.UserId).ToList();

            var summaries = LearningQueries.Topics.Select(t =>
            {
                var of = answers.Where(a => a.Topic == t.Topic).ToList();
                return new TopicSummary(t.Topic, t.Kind.ToId(), LearningWords.Format("Topic." + t.Topic), of.Count,
                    of.Select(a => a.UserId).Distinct().Count(), of.Count == 0 ? null : Math.Round(of.Average(a => a.Score), 4));
            })
            // Weakest first: where the team's coaching is needed; topics nobody took yet come last.
            .OrderBy(t => t.Average is null).ThenBy(t => t.Average).ToList();
            return new Team(days, summaries, members);
        }
    }
}

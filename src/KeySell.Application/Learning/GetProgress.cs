using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Common;
using KeySell.Domain.Learning;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Learning;

/// <summary>How one topic (a self-check or a drill topic) has gone: how often, the last and best score, the average.</summary>
public sealed record TopicProgress(string Topic, string Kind, string Title, int Attempts, decimal? Last, decimal? Best, decimal? Average, DateTimeOffset? LastTakenAt);

/// <summary>
/// One user's learning over time (<c>GET /api/learn/progress?userId=</c>): each self-check and drill topic, the weeks'
/// average, and the latest answers. The caller's own without <c>userId</c>; someone else's only for the managers of
/// their teams and admins (403 otherwise): results are private to the user, their managers and admins.
/// </summary>
public static class GetProgress
{
    public sealed record Query(string? UserId = null);

    public sealed record Week(DateOnly Starts, int Attempts, decimal Average);

    public sealed record Answer(DateTimeOffset TakenAt, string Topic, string Title, decimal Score);

    public sealed record Progress(string UserId, string Name, IReadOnlyList<TopicProgress> Topics, IReadOnlyList<Week> Weeks, IReadOnlyList<Answer> Recent);

    /// <summary>How many weeks the trend covers, and how many of the latest answers are listed.</summary>
    public const int Weeks = 12;
    public const int RecentAnswers = 50;

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<Progress>> Handle(Query query, CancellationToken ct)
        {
            var userId = string.IsNullOrWhiteSpace(query.UserId) ? db.CallerUserId : query.UserId.Trim();
            if (userId.Length == 0) return Error.Forbidden(LearningWords.Format("NoUser"));
            if (userId.Length > 450) return Error.Invalid("userId", Messages.Format("ReferenceMissing", Messages.Format("Entity.user"), Texts.Cut(userId, 64)));
            if (userId != db.CallerUserId && !await db.MayManageUserAsync(userId, ct)) return Error.Forbidden(LearningWords.Format("ProgressPrivate"));
            var name = await LearningQueries.UserNames(db, [userId]).FirstOrDefaultAsync(ct);
            if (name is null) return Versions.NotFound("user", userId);

            // One read of the user's answers (a few a day, some thousands a year), summed up in memory: SQLite cannot
            // aggregate decimals, and every figure below comes from the same rows.
            var answers = await db.LearningResults.AsNoTracking().Where(r => r.UserId == userId)
                .OrderBy(r => r.TakenAt).ThenBy(r => r.Id)
                .Select(r => new { r.Topic, r.Score, r.TakenAt }).ToListAsync(ct);

            var rows = LearningQueries.Topics.Select(t =>
            {
                var of = answers.Where(a => a.Topic == t.Topic).ToList();
                return new TopicProgress(t.Topic, t.Kind.ToId(), LearningWords.Format("Topic." + t.Topic), of.Count,
                    of.Count == 0 ? null : of[^1].Score,
                    of.Count == 0 ? null : of.Max(a => a.Score),
                    of.Count == 0 ? null : Math.Round(of.Average(a => a.Score), 4),
                    of.Count == 0 ? null : of[^1].TakenAt);
            }).ToList();

            var now = time.GetLocalNow();
            var firstWeek = LearningQueries.WeekStart(DateOnly.FromDateTime(now.DateTime)).AddDays(-7 * (Weeks - 1));
            var byWeek = answers.GroupBy(a => LearningQueries.WeekStart(DateOnly.FromDateTime(a.TakenAt.ToOffset(now.Offset).DateTime)))
                .ToDictionary(g => g.Key, g => g.ToList());
            var weeks = Enumerable.Range(0, Weeks).Select(i => firstWeek.AddDays(7 * i)).Select(start =>
                byWeek.TryGetValue(start, out var inWeek)
                    ? new Week(start, inWeek.Count, Math.Round(inWeek.Average(a => a.Score), 4))
                    : new Week(start, 0, 0m)).ToList();

            var latest = answers.AsEnumerable().Reverse().Take(RecentAnswers)
                .Select(a => new Answer(a.TakenAt, a.Topic, LearningWords.Format("Topic." + a.Topic), a.Score)).ToList();
            return new Progress(userId, name.Name, rows, weeks, latest);
        }
    }
}

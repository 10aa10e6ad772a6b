using KeySell.Application.Data;
using KeySell.Domain.Common;
using KeySell.Domain.Learning;

namespace KeySell.Application.Learning;

/// <summary>What progress pages share: the topics in the order they are shown, users' names, the week a day is in.</summary>
internal static class LearningQueries
{
    public sealed record UserName(string UserId, string Name);

    /// <summary>The four self-checks in the course's order, then the drill's topics.</summary>
    public static IReadOnlyList<(string Topic, LearningKind Kind)> Topics { get; } =
    [
        .. SelfChecks.Ids.Select(id => (id, LearningKind.SelfCheck)),
        .. Enum.GetValues<DrillTopic>().Select(t => (t.ToId(), LearningKind.Drill)),
    ];

    /// <summary>Users with their colleague's name, else their email (as quotas and coverage name them).</summary>
    public static IQueryable<UserName> UserNames(AppDbContext db, IReadOnlyCollection<string> ids) =>
        from u in db.Users
        where ids.Contains(u.Id)
        join c in db.Colleagues on u.ColleagueId equals c.Id into linked
        from c in linked.DefaultIfEmpty()
        select new UserName(u.Id, c != null ? c.Name : (u.Email ?? ""));

    /// <summary>The Monday a day's week starts on (ISO 8601), the unit of the progress trend.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

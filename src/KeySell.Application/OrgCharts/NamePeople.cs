using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

/// <summary>
/// The names of some people by id, for lines of history about people the page has not shown (the account page
/// shows a big org chart a branch at a time). People the caller may not read are left out.
/// </summary>
public static class NamePeople
{
    /// <summary>The most ids one call names: one page of history lines.</summary>
    public const int MaxIds = InputLimits.MaxPageSize;

    public sealed record Query(IReadOnlyList<Guid> Ids);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyDictionary<Guid, string>> Handle(Query query, CancellationToken ct)
        {
            var ids = query.Ids.Distinct().Take(MaxIds).ToList();
            if (ids.Count == 0) return new Dictionary<Guid, string>();
            return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        }
    }
}

using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Colleagues;

/// <summary>Our own people, searched by name or title: owners and counterparts are picked from here.</summary>
public static class ListColleagues
{
    public sealed record Query(string? Search, PageRequest Page);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<ColleagueDetail>>> Handle(Query query, CancellationToken ct)
        {
            var colleagues = db.Colleagues.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var text = query.Search.Trim().ToLower();
                colleagues = colleagues.Where(c => c.Name.ToLower().Contains(text) || (c.Title != null && c.Title.ToLower().Contains(text)));
            }
            var total = await colleagues.CountAsync(ct);
            var items = await colleagues.OrderBy(c => c.Name).ThenBy(c => c.Id)
                .Skip(query.Page.Skip).Take(query.Page.Take)
                .Select(c => new ColleagueDetail(c.Id, c.Name, c.Title, c.Email, c.Version))
                .ToListAsync(ct);
            return new Paged<ColleagueDetail>(items, total);
        }
    }
}

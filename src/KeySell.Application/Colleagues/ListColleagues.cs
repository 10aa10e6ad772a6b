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
            var search = TextSearch.Normalize(query.Search);
            if (!search.Succeeded) return search.Error!;
            var colleagues = db.Colleagues.AsNoTracking();
            if (search.Value is { } text)
                colleagues = colleagues.Where(c => c.Name.ToLower().Contains(text) || (c.Title != null && c.Title.ToLower().Contains(text)));
            return await ListPages.ByNameAsync(db, colleagues, db.Colleagues.IgnoreQueryFilters(), "Colleagues", query.Page,
                c => c.Name, c => c.Id,
                c => new ColleagueDetail(c.Id, c.Name, c.Title, c.Email, c.Version),
                c => new ListCursor(c.Name, c.Id), ct);
        }
    }
}

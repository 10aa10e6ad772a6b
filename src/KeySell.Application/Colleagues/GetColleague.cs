using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Colleagues;

public static class GetColleague
{
    public sealed record Query(Guid Id);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<ColleagueDetail>> Handle(Query query, CancellationToken ct) =>
            await db.Colleagues.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, ct) is { } colleague
                ? ColleagueFields.Detail(colleague)
                : Versions.NotFound("colleague", query.Id);
    }
}

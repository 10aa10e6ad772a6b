using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calls;

/// <summary>One call of a deal by its sheet id.</summary>
public static class GetCall
{
    public sealed record Query(Guid OpportunityId, string CallId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<CallDetail>> Handle(Query query, CancellationToken ct)
        {
            var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.OpportunityId == query.OpportunityId && c.Key == query.CallId, ct);
            return call is null ? Versions.NotFound("call", query.CallId) : CallDetail.From(call);
        }
    }
}

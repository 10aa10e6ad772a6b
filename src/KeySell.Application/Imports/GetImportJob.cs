using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Imports;

/// <summary>One import job: its state, counts and first problems. Someone else's job is not found (admins see all).</summary>
public static class GetImportJob
{
    public sealed record Query(Guid Id);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<ImportJobDetail>> Handle(Query query, CancellationToken ct) =>
            await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == query.Id, ct) is { } job
                ? ImportJobDetail.From(job)
                : Error.NotFound(Messages.Format("NotFound", "Import", query.Id));
    }
}

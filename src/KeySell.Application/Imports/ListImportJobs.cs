using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Imports;

/// <summary>The caller's import jobs (an admin's: everyone's), newest first.</summary>
public static class ListImportJobs
{
    public sealed record Query(int Take = 20);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<ImportJobDetail>> Handle(Query query, CancellationToken ct)
        {
            var jobs = await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id)
                .Take(Math.Clamp(query.Take, 1, InputLimits.MaxPageSize)).ToListAsync(ct);
            return jobs.Select(ImportJobDetail.From).ToList();
        }
    }
}

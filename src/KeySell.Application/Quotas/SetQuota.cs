using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Quotas;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Quotas;

/// <summary>A quota as the API shows it, with its user's name for a reader.</summary>
public sealed record QuotaItem(string UserId, string Name, string Period, decimal Amount);

/// <summary>
/// Sets a user's quota for a period, adding or replacing it (<c>PUT /api/quotas</c>). Admins set
/// anyone's; a manager those of the members of the teams they manage; anyone else gets 403. The
/// amount is in the base currency: 0 or more, at most <see cref="Quota.MaxAmount"/>, in cents.
/// </summary>
public static class SetQuota
{
    public sealed record Command(string? UserId, string? Period, decimal? Amount);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<QuotaItem>> Handle(Command command, CancellationToken ct)
        {
            // Nobody but an admin or a manager of some team sets a quota: say so before judging the fields.
            if (!db.CallerIsAdmin && !await db.UsersCallerManages.AnyAsync(ct)) return Error.Forbidden(Messages.Format("Quota.ManagersOnly"));

            var validation = new Validation();
            var userId = command.UserId?.Trim();
            if (string.IsNullOrEmpty(userId)) validation.Add("userId", Messages.Format("Required"));
            else if (userId.Length > 64 || !await db.Users.AnyAsync(u => u.Id == userId, ct))
                validation.Add("userId", Messages.Format("ReferenceMissing", Messages.Format("Entity.user"), Texts.Cut(userId, 64)));
            var period = QuotaPeriod.Parse(command.Period);
            if (period.Error is { } invalid) validation.Add("period", invalid.Message);
            if (command.Amount is not { } amount) validation.Add("amount", Messages.Format("Required"));
            else if (amount < 0m || amount > Quota.MaxAmount || decimal.Round(amount, 2) != amount)
                validation.Add("amount", Messages.Format("Quota.Amount", Quota.MaxAmount));
            if (validation.HasErrors) return validation.ToError();

            if (!await db.MayManageUserAsync(userId!, ct)) return Error.Forbidden(Messages.Format("Quota.ManagersOnly"));
            var text = period.Value.Text;
            var quota = await db.Quotas.FirstOrDefaultAsync(q => q.UserId == userId && q.Period == text, ct);
            if (quota is null) db.Quotas.Add(quota = new Quota { UserId = userId!, Period = text });
            quota.Amount = command.Amount!.Value;
            await db.SaveChangesAsync(ct);
            return (await db.QuotaItems(db.Quotas.Where(q => q.Id == quota.Id)).FirstAsync(ct));
        }
    }
}

/// <summary>
/// The quotas the caller may see (<c>GET /api/quotas?period=</c>): their own, those of the members
/// of the teams they manage, or everyone's for an admin; of one period when given; by name.
/// </summary>
public static class ListQuotas
{
    public sealed record Query(string? Period, PageRequest Page);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<QuotaItem>>> Handle(Query query, CancellationToken ct)
        {
            var quotas = db.Quotas.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Period))
            {
                var period = QuotaPeriod.Parse(query.Period);
                if (period.Error is { } invalid) return invalid;
                var text = period.Value.Text;
                quotas = quotas.Where(q => q.Period == text);
            }
            var total = await quotas.CountAsync(ct);
            var items = await db.QuotaItems(quotas).Skip(query.Page.Skip).Take(query.Page.Take).ToListAsync(ct);
            return new Paged<QuotaItem>(items, total);
        }
    }
}

internal static class QuotaQueries
{
    /// <summary>Quotas with their user's name (the colleague's, else the email), by period and name, in one query.</summary>
    public static IQueryable<QuotaItem> QuotaItems(this AppDbContext db, IQueryable<Quota> quotas) =>
        from q in quotas
        join u in db.Users on q.UserId equals u.Id
        join c in db.Colleagues on u.ColleagueId equals c.Id into linked
        from c in linked.DefaultIfEmpty()
        let name = c != null ? c.Name : (u.Email ?? "")
        orderby q.Period, name, q.UserId
        select new QuotaItem(q.UserId, name, q.Period, q.Amount);
}

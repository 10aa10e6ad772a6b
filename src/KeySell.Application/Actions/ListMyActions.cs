using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Actions;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Actions;

/// <summary>One of the caller's open actions, with the deal and account it belongs to (Home and <c>GET /api/me/actions</c>).</summary>
/// <param name="Id">The action's sheet id within its deal.</param>
/// <param name="Person">The name of the person (buying influence) it concerns, or null.</param>
public sealed record MyAction(
    string Id,
    Guid OpportunityId,
    string OpportunityName,
    Guid AccountId,
    string AccountName,
    string Text,
    DateOnly? Due,
    bool Overdue,
    Guid? OwnerId,
    string? Owner,
    string? Person,
    int Version);

/// <summary>
/// The caller's open actions (<see cref="MyActions"/>): <c>due=week</c> (the default) those due on or before the end
/// of this week (Monday to Sunday), overdue ones included; <c>due=all</c> every open one, undated too. Ordered by due
/// day (undated last), then deal name, then the plan's order.
/// </summary>
public static class ListMyActions
{
    public const string Week = "week";
    public const string All = "all";

    public sealed record Query(string? Due, PageRequest Page);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<Paged<MyAction>>> Handle(Query query, CancellationToken ct)
        {
            var due = query.Due ?? Week;
            if (due is not (Week or All)) return Error.Invalid("due", Messages.Format("UnknownValue", query.Due, $"{Week}, {All}"));
            // A user with no colleague (the operator) owns neither deals nor actions.
            if (db.CallerColleagueId is not { } me) return new Paged<MyAction>([], 0);

            var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
            var open = MyActions.Of(db, me).AsNoTracking().Where(a => a.Status == ActionStatus.Open);
            if (due == Week)
            {
                var endOfWeek = ActionDue.EndOfWeek(today);
                open = open.Where(a => a.Due != null && a.Due <= endOfWeek);
            }
            var rows = from a in open
                       join o in db.Opportunities on a.OpportunityId equals o.Id
                       orderby a.Due == null, a.Due, o.Name, o.Id, a.Position
                       select new
                       {
                           a.Key, a.OpportunityId, OpportunityName = o.Name, o.AccountId, AccountName = o.Account!.Name, a.Text, a.Due, a.Status,
                           a.OwnerId, Owner = a.Owner != null ? a.Owner.Name : null,
                           Person = db.BuyingInfluences.Where(i => i.OpportunityId == a.OpportunityId && i.Key == a.InfluenceKey)
                               .Select(i => i.Person!.Name).FirstOrDefault(),
                           a.Version,
                       };
            var total = await open.CountAsync(ct);
            var page = await rows.Skip(query.Page.Skip).Take(query.Page.Take).ToListAsync(ct);
            return new Paged<MyAction>(page.Select(r => new MyAction(
                r.Key, r.OpportunityId, r.OpportunityName, r.AccountId, r.AccountName, r.Text, r.Due,
                ActionDue.IsOverdue(r.Status, r.Due, today), r.OwnerId, r.Owner, r.Person, r.Version)).ToList(), total);
        }
    }
}

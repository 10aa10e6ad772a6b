using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>
/// Saves one grid row: roles, influence, support, contact, mode, counterpart, dates, wins and results. A
/// <c>seniority</c> sent with it is the person's (every deal naming them agrees), so changing it is a change of the
/// org chart and needs the account's write right; not sent, it stays as it is.
/// </summary>
public static class UpdateBuyingInfluence
{
    public sealed record Command(
        Guid Id,
        int Version,
        IReadOnlyList<string>? Roles = null,
        string? Influence = null,
        int? Support = null,
        string? Contact = null,
        string? Mode = null,
        Guid? CounterpartId = null,
        DateOnly? Since = null,
        DateOnly? LastContact = null,
        IReadOnlyList<string>? Wins = null,
        IReadOnlyList<string>? Results = null,
        string? Seniority = null);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<InfluenceDetail>> Handle(Command command, CancellationToken ct)
        {
            var influence = await db.BuyingInfluences.FirstOrDefaultAsync(i => i.Id == command.Id, ct);
            if (influence is null) return Versions.NotFound("influence", command.Id);

            var validation = new Validation();
            var fields = new InfluenceFields(command.Roles, command.Influence, command.Support, command.Contact, command.Mode,
                command.CounterpartId, command.Since, command.LastContact, command.Wins, command.Results);
            var apply = await fields.ValidateAsync(db, validation, ct);
            var seniority = validation.Enum<Domain.OrgCharts.Seniority>("seniority", command.Seniority);
            if (apply is null || validation.HasErrors) return validation.ToError();
            if (db.CheckVersion(influence, command.Version, "influence") is { } stale) return stale;

            var (rolesBefore, sinceBefore) = (influence.Roles, influence.Since);
            apply(influence);
            // A new role makes a new player for the method (new-player flag): unless the caller set since to another
            // day themselves, the role change dates from today, as it does when the grid changes a role.
            if (influence.Roles != rolesBefore && influence.Since == sinceBefore)
                influence.Since = DateOnly.FromDateTime(time.GetLocalNow().Date);
            if (seniority is { } level)
            {
                var person = await db.People.FirstAsync(p => p.Id == influence.PersonId, ct);
                person.Seniority = level;
            }
            db.Entry(influence).State = EntityState.Modified;
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return await GetBuyingInfluence.LoadAsync(db, influence.Id, ct) is { } detail ? detail : Versions.NotFound("influence", influence.Id);
        }
    }
}

using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Opportunities;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>
/// Puts a person of the deal's account on the sheet, either someone already in the org chart or a
/// new person created there. The row goes to the end of the grid.
/// </summary>
public static class AddBuyingInfluence
{
    public sealed record NewPerson(string? Name, string? Title = null, Guid? ReportsToId = null);

    public sealed record Command(
        Guid OpportunityId,
        Guid? PersonId = null,
        NewPerson? NewPerson = null,
        IReadOnlyList<string>? Roles = null,
        string? Influence = null,
        int? Support = null,
        string? Contact = null,
        string? Mode = null,
        Guid? CounterpartId = null,
        DateOnly? Since = null,
        DateOnly? LastContact = null,
        IReadOnlyList<string>? Wins = null,
        IReadOnlyList<string>? Results = null);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<InfluenceDetail>> Handle(Command command, CancellationToken ct)
        {
            var opportunity = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == command.OpportunityId, ct);
            if (opportunity is null) return Versions.NotFound("opportunity", command.OpportunityId);

            var validation = new Validation();
            var person = await PersonAsync(command, opportunity.AccountId, validation, ct);
            var fields = new InfluenceFields(command.Roles, command.Influence, command.Support, command.Contact, command.Mode,
                command.CounterpartId, command.Since ?? DateOnly.FromDateTime(time.GetLocalNow().Date), command.LastContact,
                command.Wins, command.Results);
            var apply = await fields.ValidateAsync(db, validation, ct);
            if (apply is null || person is null || validation.HasErrors) return validation.ToError();

            var existing = await db.BuyingInfluences.Where(i => i.OpportunityId == opportunity.Id)
                .Select(i => new { i.Key, i.Position }).ToListAsync(ct);
            var influence = new BuyingInfluence
            {
                OpportunityId = opportunity.Id,
                PersonId = person.Id,
                Key = InfluenceKeys.Unique(InfluenceKeys.Slug(person.Name, person.Id), existing.Select(e => e.Key).ToHashSet(StringComparer.Ordinal)),
                Position = existing.Count == 0 ? 0 : existing.Max(e => e.Position) + 1,
            };
            apply(influence);
            db.BuyingInfluences.Add(influence);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return await GetBuyingInfluence.LoadAsync(db, influence.Id, ct) is { } detail ? detail : Versions.NotFound("influence", influence.Id);
        }

        /// <summary>The existing person (same account, not yet on this deal) or the new one, added to the context.</summary>
        private async Task<Person?> PersonAsync(Command command, Guid accountId, Validation validation, CancellationToken ct)
        {
            if ((command.PersonId is null) == (command.NewPerson is null))
            {
                validation.Add("personId", Messages.Format("PersonRequired"));
                return null;
            }
            if (command.PersonId is { } personId)
            {
                var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
                if (person is null)
                    validation.Add("personId", Messages.Format("ReferenceMissing", Messages.Format("Entity.person"), personId));
                else if (person.AccountId != accountId)
                    validation.Add("personId", Messages.Format("DifferentAccount"));
                else if (await db.BuyingInfluences.AnyAsync(i => i.OpportunityId == command.OpportunityId && i.PersonId == personId, ct))
                    validation.Add("personId", Messages.Format("PersonAlreadyInfluence", person.Name));
                else return person;
                return null;
            }

            var draft = command.NewPerson!;
            validation.Required("newPerson.name", draft.Name, Person.NameMaxLength);
            validation.MaxLength("newPerson.title", draft.Title, Person.TitleMaxLength);
            if (draft.ReportsToId is { } managerId)
            {
                var managerAccount = await db.People.Where(p => p.Id == managerId).Select(p => (Guid?)p.AccountId).FirstOrDefaultAsync(ct);
                if (managerAccount is null)
                    validation.Add("newPerson.reportsToId", Messages.Format("ReferenceMissing", Messages.Format("Entity.person"), managerId));
                else if (managerAccount != accountId)
                    validation.Add("newPerson.reportsToId", Messages.Format("DifferentAccount"));
            }
            if (validation.HasErrors) return null;
            var created = new Person
            {
                AccountId = accountId,
                Name = draft.Name!.Trim(),
                Title = string.IsNullOrWhiteSpace(draft.Title) ? null : draft.Title.Trim(),
                ReportsToId = draft.ReportsToId,
            };
            db.People.Add(created);
            return created;
        }
    }
}

using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

/// <summary>Adds someone to an account's org chart, in a department and under a manager.</summary>
public static class CreatePerson
{
    public sealed record Command(Guid AccountId, string? Name, string? Title = null, Guid? DepartmentId = null, Guid? ReportsToId = null,
        string? Email = null, string? Phone = null, string? Responsibilities = null, string? Preferences = null, string? Status = null, string? Seniority = null);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<PersonDetail>> Handle(Command command, CancellationToken ct)
        {
            var validation = new Validation();
            if (!await db.Accounts.AnyAsync(a => a.Id == command.AccountId, ct))
                validation.Add("accountId", Resources.Messages.Format("ReferenceMissing", Resources.Messages.Format("Entity.account"), command.AccountId));
            var fields = new PersonFields(command.Name, command.Title, command.DepartmentId, command.ReportsToId, command.Email, command.Phone,
                command.Responsibilities, command.Preferences, command.Status, command.Seniority);
            var status = await fields.ValidateAsync(db, validation, command.AccountId, self: null, ct);
            if (status is null || validation.HasErrors) return validation.ToError();

            var person = new Person { AccountId = command.AccountId };
            fields.ApplyTo(person, status.Value);
            db.People.Add(person);
            await db.SaveChangesAsync(ct);
            return (await GetPerson.LoadAsync(db, person.Id, ct))!;
        }
    }
}

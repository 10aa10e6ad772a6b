using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

public static class UpdatePerson
{
    public sealed record Command(Guid Id, string? Name, string? Title, Guid? DepartmentId, Guid? ReportsToId, string? Email, string? Phone,
        string? Responsibilities, string? Preferences, string? Status, int Version, string? Seniority = null);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<PersonDetail>> Handle(Command command, CancellationToken ct)
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == command.Id, ct);
            if (person is null) return Versions.NotFound("person", command.Id);

            var fields = new PersonFields(command.Name, command.Title, command.DepartmentId, command.ReportsToId, command.Email, command.Phone,
                command.Responsibilities, command.Preferences, command.Status, command.Seniority);
            var validation = new Validation();
            var status = await fields.ValidateAsync(db, validation, person.AccountId, self: person.Id, ct);
            if (status is null || validation.HasErrors) return validation.ToError();
            if (db.CheckVersion(person, command.Version, "person") is { } stale) return stale;

            fields.ApplyTo(person, status.Value);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return (await GetPerson.LoadAsync(db, person.Id, ct))!;
        }
    }
}

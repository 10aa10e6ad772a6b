using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Common;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

/// <summary>What a seller records about a person, checked the same way on create and update.</summary>
internal sealed record PersonFields(
    string? Name, string? Title, Guid? DepartmentId, Guid? ReportsToId, string? Email, string? Phone,
    string? Responsibilities, string? Preferences, string? Status, string? Seniority)
{
    public async Task<PersonStatus?> ValidateAsync(AppDbContext db, Validation validation, Guid accountId, Guid? self, CancellationToken ct)
    {
        validation.Required("name", Name, Person.NameMaxLength);
        validation.MaxLength("title", Title, Person.TitleMaxLength);
        Emails.Check(validation, "email", Email);
        validation.MaxLength("phone", Phone, Person.ContactMaxLength);
        validation.MaxLength("responsibilities", Responsibilities, Person.NotesMaxLength);
        validation.MaxLength("preferences", Preferences, Person.NotesMaxLength);
        var status = validation.Enum<PersonStatus>("status", Status) ?? PersonStatus.Active;
        validation.Enum<Domain.OrgCharts.Seniority>("seniority", Seniority);

        if (DepartmentId is { } departmentId)
        {
            var departmentAccount = await db.Departments.Where(d => d.Id == departmentId).Select(d => (Guid?)d.AccountId).FirstOrDefaultAsync(ct);
            if (departmentAccount is null) validation.Add("departmentId", Messages.Format("ReferenceMissing", Messages.Format("Entity.department"), departmentId));
            else if (departmentAccount != accountId) validation.Add("departmentId", Messages.Format("DifferentAccount"));
        }
        if (ReportsToId is { } managerId)
        {
            var managerAccount = await db.People.Where(p => p.Id == managerId).Select(p => (Guid?)p.AccountId).FirstOrDefaultAsync(ct);
            if (managerAccount is null) validation.Add("reportsToId", Messages.Format("ReferenceMissing", Messages.Format("Entity.person"), managerId));
            else if (managerAccount != accountId) validation.Add("reportsToId", Messages.Format("DifferentAccount"));
            else if (self is { } id)
            {
                var reportsTo = await db.People.Where(p => p.AccountId == accountId).ToDictionaryAsync(p => p.Id, p => p.ReportsToId, ct);
                if (OrgChart.WouldCreateCycle(id, managerId, reportsTo)) validation.Add("reportsToId", Messages.Format("ReportsToCycle"));
            }
        }
        return validation.HasErrors ? null : status;
    }

    public void ApplyTo(Person person, PersonStatus status)
    {
        person.Name = Name!.Trim();
        person.Title = Texts.OrNull(Title);
        person.DepartmentId = DepartmentId;
        person.ReportsToId = ReportsToId;
        person.Email = Texts.OrNull(Email);
        person.Phone = Texts.OrNull(Phone);
        person.Responsibilities = Texts.OrNull(Responsibilities);
        person.Preferences = Texts.OrNull(Preferences);
        person.Status = status;
        // Checked in ValidateAsync; not given means not known, as the sheet's default is.
        person.Seniority = Seniority is null ? Domain.OrgCharts.Seniority.Unknown : MethodIds.Parse<Domain.OrgCharts.Seniority>(Seniority);
    }
}

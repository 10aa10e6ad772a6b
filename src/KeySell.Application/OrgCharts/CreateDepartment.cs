using KeySell.Application.Accounts;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

/// <summary>Adds a department to an account's organisation, optionally under another one.</summary>
public static class CreateDepartment
{
    public sealed record Command(Guid AccountId, string? Name, Guid? ParentDepartmentId = null);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<DepartmentDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == command.AccountId, ct)) return Versions.NotFound("account", command.AccountId);
            var validation = new Validation();
            await DepartmentFields.ValidateAsync(db, validation, command.AccountId, null, command.Name, command.ParentDepartmentId, ct);
            if (validation.HasErrors) return validation.ToError();

            var department = new Department { AccountId = command.AccountId, Name = command.Name!.Trim(), ParentDepartmentId = command.ParentDepartmentId };
            db.Departments.Add(department);
            await db.SaveChangesAsync(ct);
            return new DepartmentDetail(department.Id, department.Name, department.ParentDepartmentId, department.Version);
        }
    }
}

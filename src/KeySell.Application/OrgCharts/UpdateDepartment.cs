using KeySell.Application.Accounts;
using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

public static class UpdateDepartment
{
    public sealed record Command(Guid Id, string? Name, Guid? ParentDepartmentId, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<DepartmentDetail>> Handle(Command command, CancellationToken ct)
        {
            var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == command.Id, ct);
            if (department is null) return Versions.NotFound("department", command.Id);
            var validation = new Validation();
            await DepartmentFields.ValidateAsync(db, validation, department.AccountId, department.Id, command.Name, command.ParentDepartmentId, ct);
            if (validation.HasErrors) return validation.ToError();
            if (db.CheckVersion(department, command.Version, "department") is { } stale) return stale;

            department.Name = command.Name!.Trim();
            department.ParentDepartmentId = command.ParentDepartmentId;
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return new DepartmentDetail(department.Id, department.Name, department.ParentDepartmentId, department.Version);
        }
    }
}

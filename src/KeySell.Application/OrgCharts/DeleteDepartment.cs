using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

/// <summary>Removes a department; its people stay (without a department) and its sub-departments move up.</summary>
public static class DeleteDepartment
{
    public sealed record Command(Guid Id, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == command.Id, ct);
            if (department is null) return Versions.NotFound("department", command.Id);
            if (db.CheckVersion(department, command.Version, "department") is { } stale) return stale;

            foreach (var child in await db.Departments.Where(d => d.ParentDepartmentId == department.Id).ToListAsync(ct))
                child.ParentDepartmentId = department.ParentDepartmentId;
            foreach (var person in await db.People.Where(p => p.DepartmentId == department.Id).ToListAsync(ct))
                person.DepartmentId = null;
            db.Departments.Remove(department);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return command.Id;
        }
    }
}

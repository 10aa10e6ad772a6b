using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

internal static class DepartmentFields
{
    public static async Task ValidateAsync(AppDbContext db, Validation validation, Guid accountId, Guid? self, string? name, Guid? parentId, CancellationToken ct)
    {
        validation.Required("name", name, Department.NameMaxLength);
        if (parentId is not { } parent) return;

        var parentAccount = await db.Departments.Where(d => d.Id == parent).Select(d => (Guid?)d.AccountId).FirstOrDefaultAsync(ct);
        if (parentAccount is null)
            validation.Add("parentDepartmentId", Messages.Format("ReferenceMissing", Messages.Format("Entity.department"), parent));
        else if (parentAccount != accountId)
            validation.Add("parentDepartmentId", Messages.Format("DifferentAccount"));
        else if (self is { } id)
        {
            var parents = await db.Departments.Where(d => d.AccountId == accountId).ToDictionaryAsync(d => d.Id, d => d.ParentDepartmentId, ct);
            if (OrgChart.WouldCreateCycle(id, parent, parents)) validation.Add("parentDepartmentId", Messages.Format("DepartmentCycle"));
        }
    }
}

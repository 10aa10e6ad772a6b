using KeySell.Domain.Common;

namespace KeySell.Domain.OrgCharts;

public class Department : AuditedEntity
{
    public const int NameMaxLength = 200;

    public Guid AccountId { get; set; }
    public string Name { get; set; } = "";
    public Guid? ParentDepartmentId { get; set; }
}

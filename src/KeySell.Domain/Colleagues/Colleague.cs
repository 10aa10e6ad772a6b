using KeySell.Domain.Common;

namespace KeySell.Domain.Colleagues;

/// <summary>One of our own people. Counterparts (对应者) and opportunity owners are colleagues.</summary>
public class Colleague : AuditedEntity
{
    public const int NameMaxLength = 200;

    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Email { get; set; }
}

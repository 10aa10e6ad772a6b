using KeySell.Application.Common;
using KeySell.Domain.Colleagues;

namespace KeySell.Application.Colleagues;

internal sealed record ColleagueFields(string? Name, string? Title, string? Email)
{
    public void Validate(Validation validation)
    {
        validation.Required("name", Name, Colleague.NameMaxLength);
        validation.MaxLength("title", Title, Colleague.NameMaxLength);
        Emails.Check(validation, "email", Email);
    }

    public void ApplyTo(Colleague colleague)
    {
        colleague.Name = Name!.Trim();
        colleague.Title = Texts.OrNull(Title);
        colleague.Email = Texts.OrNull(Email);
    }

    public static ColleagueDetail Detail(Colleague c) => new(c.Id, c.Name, c.Title, c.Email, c.Version);
}

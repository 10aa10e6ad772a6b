using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ConfigureAudit();
        builder.Property(d => d.Name).HasMaxLength(Department.NameMaxLength).IsRequired();
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentDepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ConfigureAudit();
        builder.Property(p => p.Name).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(Person.TitleMaxLength);
        builder.Property(p => p.Email).HasMaxLength(Person.ContactMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(Person.ContactMaxLength);
        builder.Property(p => p.Responsibilities).HasMaxLength(Person.NotesMaxLength);
        builder.Property(p => p.Preferences).HasMaxLength(Person.NotesMaxLength);
        builder.HasOne(p => p.Department).WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.ReportsTo).WithMany().HasForeignKey(p => p.ReportsToId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.DeletedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.AccountId, p.Name, p.Id });
        // The recycle bin lists what was deleted.
        builder.HasIndex(p => p.DeletedAt).HasFilter(OpportunityConfiguration.BinnedRows);
        builder.ConfigureExternalId();
    }
}

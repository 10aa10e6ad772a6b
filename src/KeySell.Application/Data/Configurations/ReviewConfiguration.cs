using KeySell.Domain.Opportunities;
using KeySell.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ByUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(Review.NoteMaxLength);
        // A purged deal takes its reviews with it; its history lines (the review's included) stay.
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        // The team review reads each deal's latest review; the deal's list reads them newest first.
        builder.HasIndex(r => new { r.OpportunityId, r.At });
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeySell.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListsAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_AccountId_Name",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_AccountId",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_OwnerId",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Colleagues_Name",
                table: "Colleagues");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_Name",
                table: "Accounts");

            migrationBuilder.CreateIndex(
                name: "IX_People_AccountId_Name_Id",
                table: "People",
                columns: new[] { "AccountId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_DeletedAt",
                table: "People",
                column: "DeletedAt",
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_AccountId_Name_Id",
                table: "Opportunities",
                columns: new[] { "AccountId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_DeletedAt",
                table: "Opportunities",
                column: "DeletedAt",
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Name_Id",
                table: "Opportunities",
                columns: new[] { "Name", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OwnerId_Name_Id",
                table: "Opportunities",
                columns: new[] { "OwnerId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Colleagues_Name_Id",
                table: "Colleagues",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Email_Id",
                table: "AspNetUsers",
                columns: new[] { "Email", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_DeletedAt",
                table: "Accounts",
                column: "DeletedAt",
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Name_Id",
                table: "Accounts",
                columns: new[] { "Name", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            // Hand-written: the name search (decision 0012).
            foreach (var sql in KeySell.Application.Data.Sql.SearchSql.Postgres.Up) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in KeySell.Application.Data.Sql.SearchSql.Postgres.Down) migrationBuilder.Sql(sql);

            migrationBuilder.DropIndex(
                name: "IX_People_AccountId_Name_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_DeletedAt",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_AccountId_Name_Id",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_DeletedAt",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_Name_Id",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_OwnerId_Name_Id",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Colleagues_Name_Id",
                table: "Colleagues");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_Email_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_DeletedAt",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_Name_Id",
                table: "Accounts");

            migrationBuilder.CreateIndex(
                name: "IX_People_AccountId_Name",
                table: "People",
                columns: new[] { "AccountId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_AccountId",
                table: "Opportunities",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OwnerId",
                table: "Opportunities",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Colleagues_Name",
                table: "Colleagues",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Name",
                table: "Accounts",
                column: "Name");
        }
    }
}

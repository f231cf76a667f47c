#include "accounts/accounts.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

namespace tenlik::accounts {
namespace {

namespace fs = std::filesystem;

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tenlik_accounts_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto db = store::Connection::Open((dir_ / "t.db").string(), true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Migrate(Migrations()).ok());
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }
  Accounts Make(Policy policy = {}) {
    return Accounts(*db_, policy, [this] { return now_; });
  }

  fs::path dir_;
  std::unique_ptr<store::Connection> db_;
  int64_t now_ = 1'700'000'000;
  const Actor cli_{"cli:test", ""};
};

TEST(RolesTest, NamesRoundTripAndUnknownNamesAreRefused) {
  for (Role role : kAllRoles) EXPECT_EQ(ParseRole(RoleName(role)), role);
  EXPECT_FALSE(ParseRole("Admin"));
  EXPECT_FALSE(ParseRole("root"));
  EXPECT_TRUE(IsValidUserName("alice.k-1@school"));
  EXPECT_FALSE(IsValidUserName(""));
  EXPECT_FALSE(IsValidUserName("Alice"));
  EXPECT_FALSE(IsValidUserName("a'; DROP TABLE accounts_users; --"));
  EXPECT_FALSE(IsValidUserName(".hidden"));
  EXPECT_FALSE(IsValidUserName(std::string(65, 'a')));
}

TEST_F(AccountsTest, PasswordIsHashedWithArgon2idAndVerified) {
  Accounts accounts = Make();
  ASSERT_TRUE(accounts.AddUser("alice", Role::kAdmin, "correct horse battery", cli_).ok());
  auto stmt = db_->Prepare("SELECT password_hash FROM accounts_users WHERE name = 'alice'");
  ASSERT_TRUE(stmt.ok());
  ASSERT_TRUE(*(*stmt)->Step());
  std::string hash((*stmt)->ColumnText(0));
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_EQ(hash.find("correct horse"), std::string::npos);

  auto good = accounts.Login("alice", "correct horse battery", "10.0.0.1");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good->outcome, LoginOutcome::kOk);
  ASSERT_TRUE(good->session);
  EXPECT_EQ(good->session->session.user, "alice");
  EXPECT_EQ(good->session->session.role, Role::kAdmin);
  EXPECT_EQ(good->session->token.size(), 43u);
  auto bad = accounts.Login("alice", "correct horse battery!", "10.0.0.1");
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->outcome, LoginOutcome::kWrongCredentials);
  auto nobody = accounts.Login("bob", "correct horse battery", "10.0.0.1");
  ASSERT_TRUE(nobody.ok());
  EXPECT_EQ(nobody->outcome, LoginOutcome::kWrongCredentials);
}

TEST_F(AccountsTest, UserRulesAreEnforced) {
  Accounts accounts = Make();
  EXPECT_EQ(accounts.AddUser("alice", Role::kAdmin, "short", cli_).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(accounts.AddUser("r1", Role::kRespondent, "long enough password", cli_).code(),
            StatusCode::kInvalidArgument);
  ASSERT_TRUE(accounts.AddUser("alice", Role::kAdmin, "long enough password", cli_).ok());
  EXPECT_EQ(accounts.AddUser("alice", Role::kViewer, "long enough password", cli_).code(),
            StatusCode::kAlreadyExists);
  // The only admin can be neither demoted nor removed.
  EXPECT_EQ(accounts.SetRole("alice", Role::kViewer, cli_).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(accounts.RemoveUser("alice", cli_).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(accounts.RemoveUser("nobody", cli_).code(), StatusCode::kNotFound);
  ASSERT_TRUE(accounts.AddUser("bob", Role::kAnalyst, "long enough password", cli_).ok());
  ASSERT_TRUE(accounts.SetRole("bob", Role::kPeerReviewer, cli_).ok());
  auto users = accounts.ListUsers();
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[1].name, "bob");
  EXPECT_EQ((*users)[1].role, Role::kPeerReviewer);
}

TEST_F(AccountsTest, SessionsExpireAndAreRevokedAtLogout) {
  Policy policy;
  policy.session_seconds = 3600;
  Accounts accounts = Make(policy);
  ASSERT_TRUE(accounts.AddUser("alice", Role::kAnalyst, "long enough password", cli_).ok());
  auto login = accounts.Login("alice", "long enough password", "10.0.0.1");
  ASSERT_TRUE(login.ok() && login->session);
  std::string token = login->session->token;

  auto live = accounts.Authenticate(token);
  ASSERT_TRUE(live.ok() && *live);
  EXPECT_EQ((*live)->csrf_token, login->session->session.csrf_token);
  EXPECT_TRUE(CsrfMatches(**live, login->session->session.csrf_token));
  EXPECT_FALSE(CsrfMatches(**live, ""));
  std::string altered = login->session->session.csrf_token;
  altered[0] = altered[0] == '0' ? '1' : '0';  // differs whatever the random first character is
  EXPECT_FALSE(CsrfMatches(**live, altered));
  EXPECT_FALSE(*accounts.Authenticate(token + "x"));

  // Only the hash of the token is stored.
  auto stmt = db_->Prepare("SELECT token_hash FROM accounts_sessions");
  ASSERT_TRUE(stmt.ok() && *(*stmt)->Step());
  EXPECT_NE((*stmt)->ColumnText(0), token);

  now_ += 3599;
  EXPECT_TRUE(*accounts.Authenticate(token));
  now_ += 1;
  EXPECT_FALSE(*accounts.Authenticate(token));  // expired

  auto again = accounts.Login("alice", "long enough password", "10.0.0.1");
  ASSERT_TRUE(again.ok() && again->session);
  ASSERT_TRUE(accounts.Logout(again->session->token, {"alice", "10.0.0.1"}).ok());
  EXPECT_FALSE(*accounts.Authenticate(again->session->token));
}

TEST_F(AccountsTest, RoleChangesApplyToLiveSessionsAndRemovalEndsThem) {
  Accounts accounts = Make();
  ASSERT_TRUE(accounts.AddUser("admin", Role::kAdmin, "long enough password", cli_).ok());
  ASSERT_TRUE(accounts.AddUser("bob", Role::kViewer, "long enough password", cli_).ok());
  auto login = accounts.Login("bob", "long enough password", "10.0.0.2");
  ASSERT_TRUE(login.ok() && login->session);
  ASSERT_TRUE(accounts.SetRole("bob", Role::kAnalyst, cli_).ok());
  EXPECT_EQ((*accounts.Authenticate(login->session->token))->role, Role::kAnalyst);
  Status removed = accounts.RemoveUser("bob", cli_);
  ASSERT_TRUE(removed.ok()) << removed.ToString();
  EXPECT_FALSE(*accounts.Authenticate(login->session->token));
}

TEST_F(AccountsTest, RateLimitLocksAnAccountEvenForTheRightPassword) {
  Policy policy;
  policy.account_failures = 3;
  policy.lockout_seconds = 600;
  Accounts accounts = Make(policy);
  ASSERT_TRUE(accounts.AddUser("alice", Role::kViewer, "long enough password", cli_).ok());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(accounts.Login("alice", "wrong password", "10.0.0.3")->outcome,
              LoginOutcome::kWrongCredentials);
  }
  auto locked = accounts.Login("alice", "long enough password", "10.0.0.4");
  ASSERT_TRUE(locked.ok());
  EXPECT_EQ(locked->outcome, LoginOutcome::kRateLimited);
  EXPECT_EQ(locked->retry_after_seconds, 600);
  now_ += 601;
  EXPECT_EQ(accounts.Login("alice", "long enough password", "10.0.0.4")->outcome,
            LoginOutcome::kOk);
}

TEST_F(AccountsTest, RateLimitPerAddressCoversUnknownNames) {
  Policy policy;
  policy.address_failures = 4;
  Accounts accounts = Make(policy);
  ASSERT_TRUE(accounts.AddUser("alice", Role::kViewer, "long enough password", cli_).ok());
  for (int i = 0; i < 4; ++i) {
    accounts.Login("guess" + std::to_string(i), "whatever", "10.0.0.5").value();
  }
  EXPECT_EQ(accounts.Login("alice", "long enough password", "10.0.0.5")->outcome,
            LoginOutcome::kRateLimited);
  EXPECT_EQ(accounts.Login("alice", "long enough password", "10.0.0.6")->outcome,
            LoginOutcome::kOk);
}

TEST_F(AccountsTest, RespondentCodesGiveAnonymousSessions) {
  Accounts accounts = Make();
  auto codes = accounts.IssueRespondentCodes(2, 3600, "survey-2026", cli_);
  ASSERT_TRUE(codes.ok());
  ASSERT_EQ(codes->size(), 2u);
  EXPECT_NE((*codes)[0], (*codes)[1]);
  auto login = accounts.LoginWithCode((*codes)[0], "10.0.0.7");
  ASSERT_TRUE(login.ok());
  ASSERT_EQ(login->outcome, LoginOutcome::kOk);
  EXPECT_EQ(login->session->session.user, "");
  EXPECT_EQ(login->session->session.role, Role::kRespondent);
  auto session = accounts.Authenticate(login->session->token);
  ASSERT_TRUE(session.ok() && *session);
  EXPECT_EQ((*session)->role, Role::kRespondent);
  EXPECT_EQ((*session)->respondent_key, login->session->session.respondent_key);
  EXPECT_EQ((*session)->respondent_key.find((*codes)[0]), std::string::npos);
  EXPECT_EQ(accounts.LoginWithCode("NOTACODE", "10.0.0.7")->outcome,
            LoginOutcome::kWrongCredentials);
  now_ += 3600;
  EXPECT_EQ(accounts.LoginWithCode((*codes)[1], "10.0.0.7")->outcome,
            LoginOutcome::kWrongCredentials);  // expired
}

TEST_F(AccountsTest, AuditRowsRecordWhoWhatWhenAndNeverSecrets) {
  Accounts accounts = Make();
  const std::string password = "long enough password";
  ASSERT_TRUE(accounts.AddUser("alice", Role::kAdmin, password, cli_).ok());
  auto login = accounts.Login("alice", password, "10.0.0.8");
  ASSERT_TRUE(login.ok() && login->session);
  accounts.Login("alice", "a wrong secret", "10.0.0.8").value();
  accounts.Login("mallory", "another secret", "10.0.0.8").value();
  ASSERT_TRUE(accounts.SetPassword("alice", "a brand new password", {"alice", "10.0.0.8"}).ok());

  auto entries = accounts.ListAudit(100, "");
  ASSERT_TRUE(entries.ok());
  std::vector<std::string> actions;
  for (const AuditEntry& e : *entries) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"user_password", "login_failed", "login_failed",
                                               "login", "user_add"}));
  const AuditEntry& add = entries->back();
  EXPECT_EQ(add.actor, "cli:test");
  EXPECT_EQ(add.target, "alice");
  EXPECT_EQ(add.detail, "admin");
  EXPECT_EQ(add.at, now_);
  EXPECT_EQ((*entries)[1].target, "");  // unknown names are not recorded
  EXPECT_EQ((*entries)[1].client, "10.0.0.8");
  for (const AuditEntry& e : *entries) {
    for (const std::string& field : {e.actor, e.target, e.detail, e.client}) {
      for (const std::string& secret : {password, std::string("a wrong secret"),
                                        std::string("another secret"), login->session->token}) {
        EXPECT_EQ(field.find(secret), std::string::npos);
      }
    }
  }
  // Paging: older than the second entry.
  auto older = accounts.ListAudit(2, (*entries)[1].id);
  ASSERT_TRUE(older.ok());
  ASSERT_EQ(older->size(), 2u);
  EXPECT_EQ((*older)[0].id, (*entries)[2].id);
}

TEST_F(AccountsTest, ChangingOwnPasswordKeepsThisSessionAndEndsTheOthers) {
  Accounts accounts = Make();
  const std::string old_password = "long enough password";
  const std::string new_password = "a brand new password";
  ASSERT_TRUE(accounts.AddUser("alice", Role::kAnalyst, old_password, cli_).ok());
  ASSERT_TRUE(accounts.AddUser("bob", Role::kViewer, old_password, cli_).ok());
  auto here = accounts.Login("alice", old_password, "10.0.0.9");
  auto elsewhere = accounts.Login("alice", old_password, "10.0.0.10");
  auto bob = accounts.Login("bob", old_password, "10.0.0.11");
  ASSERT_TRUE(here.ok() && here->session && elsewhere.ok() && elsewhere->session && bob.ok() &&
              bob->session);

  auto changed =
      accounts.ChangeOwnPassword(here->session->token, old_password, new_password, "10.0.0.9");
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(changed->outcome, LoginOutcome::kOk);
  EXPECT_EQ(changed->other_sessions_ended, 1);
  EXPECT_TRUE(*accounts.Authenticate(here->session->token));
  EXPECT_FALSE(*accounts.Authenticate(elsewhere->session->token));
  EXPECT_TRUE(*accounts.Authenticate(bob->session->token));
  EXPECT_EQ(accounts.Login("alice", old_password, "10.0.0.9")->outcome,
            LoginOutcome::kWrongCredentials);
  EXPECT_EQ(accounts.Login("alice", new_password, "10.0.0.9")->outcome, LoginOutcome::kOk);

  auto entries = accounts.ListAudit(100, "");
  ASSERT_TRUE(entries.ok());
  auto change = std::find_if(entries->begin(), entries->end(),
                             [](const AuditEntry& e) { return e.action == "password_change"; });
  ASSERT_NE(change, entries->end());
  EXPECT_EQ(change->actor, "alice");
  EXPECT_EQ(change->target, "alice");
  EXPECT_EQ(change->client, "10.0.0.9");
  EXPECT_EQ(change->detail, "other sessions ended: 1");
  for (const AuditEntry& e : *entries) {
    for (const std::string& field : {e.actor, e.target, e.detail, e.client}) {
      EXPECT_EQ(field.find(old_password), std::string::npos);
      EXPECT_EQ(field.find(new_password), std::string::npos);
    }
  }
}

TEST_F(AccountsTest, AWrongCurrentPasswordCountsAsAFailedLogin) {
  Policy policy;
  policy.account_failures = 3;
  policy.lockout_seconds = 600;
  Accounts accounts = Make(policy);
  const std::string password = "long enough password";
  ASSERT_TRUE(accounts.AddUser("alice", Role::kViewer, password, cli_).ok());
  auto login = accounts.Login("alice", password, "10.0.0.12");
  ASSERT_TRUE(login.ok() && login->session);
  const std::string& token = login->session->token;
  for (int i = 0; i < 3; ++i) {
    auto wrong =
        accounts.ChangeOwnPassword(token, "not my password", "a brand new password", "10.0.0.12");
    ASSERT_TRUE(wrong.ok());
    EXPECT_EQ(wrong->outcome, LoginOutcome::kWrongCredentials);
  }
  // Locked out: logins and changes are refused even with the right password.
  EXPECT_EQ(accounts.Login("alice", password, "10.0.0.13")->outcome, LoginOutcome::kRateLimited);
  auto locked = accounts.ChangeOwnPassword(token, password, "a brand new password", "10.0.0.12");
  ASSERT_TRUE(locked.ok());
  EXPECT_EQ(locked->outcome, LoginOutcome::kRateLimited);
  EXPECT_EQ(locked->retry_after_seconds, 600);
  EXPECT_TRUE(*accounts.Authenticate(token));  // a failed change ends no session
  now_ += 601;
  EXPECT_EQ(accounts.Login("alice", password, "10.0.0.13")->outcome, LoginOutcome::kOk);

  auto entries = accounts.ListAudit(100, "");
  ASSERT_TRUE(entries.ok());
  int failed = 0;
  for (const AuditEntry& e : *entries) {
    if (e.action != "password_change_failed") continue;
    ++failed;
    EXPECT_EQ(e.actor, "alice");
    EXPECT_EQ(e.target, "alice");
    EXPECT_EQ(e.detail.find("not my password"), std::string::npos);
  }
  EXPECT_EQ(failed, 3);
}

TEST_F(AccountsTest, AWeakNewPasswordIsRefusedBeforeTheCurrentIsChecked) {
  Policy policy;
  policy.account_failures = 1;
  Accounts accounts = Make(policy);
  const std::string password = "long enough password";
  ASSERT_TRUE(accounts.AddUser("alice", Role::kViewer, password, cli_).ok());
  auto login = accounts.Login("alice", password, "10.0.0.14");
  ASSERT_TRUE(login.ok() && login->session);
  EXPECT_EQ(accounts.ChangeOwnPassword(login->session->token, "wrong", "short", "10.0.0.14")
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(accounts
                .ChangeOwnPassword(login->session->token, password,
                                   std::string(policy.max_password_length + 1, 'x'), "10.0.0.14")
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  // Not counted: one failure would have locked the account.
  EXPECT_EQ(accounts.Login("alice", password, "10.0.0.14")->outcome, LoginOutcome::kOk);
}

TEST_F(AccountsTest, OnlyALiveUserSessionCanChangeAPassword) {
  Accounts accounts = Make();
  const std::string password = "long enough password";
  ASSERT_TRUE(accounts.AddUser("alice", Role::kViewer, password, cli_).ok());
  auto codes = accounts.IssueRespondentCodes(1, 3600, "survey-2026", cli_);
  ASSERT_TRUE(codes.ok());
  auto respondent = accounts.LoginWithCode(codes->front(), "10.0.0.15");
  ASSERT_TRUE(respondent.ok() && respondent->session);
  EXPECT_EQ(accounts
                .ChangeOwnPassword(respondent->session->token, password, "a brand new password",
                                   "10.0.0.15")
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  auto login = accounts.Login("alice", password, "10.0.0.15");
  ASSERT_TRUE(login.ok() && login->session);
  ASSERT_TRUE(accounts.Logout(login->session->token, {"alice", "10.0.0.15"}).ok());
  EXPECT_EQ(
      accounts
          .ChangeOwnPassword(login->session->token, password, "a brand new password", "10.0.0.15")
          .status()
          .code(),
      StatusCode::kFailedPrecondition);
  EXPECT_EQ(accounts.Login("alice", password, "10.0.0.15")->outcome, LoginOutcome::kOk);
}

TEST(AuthorisationTest, TableGivesUserAdministrationToAdminsOnly) {
  const EndpointRule* users = FindEndpointRule("POST", "/api/v1/users");
  ASSERT_NE(users, nullptr);
  for (Role role : kAllRoles) EXPECT_EQ(RoleMayCall(*users, role), role == Role::kAdmin);
  const EndpointRule* me = FindEndpointRule("GET", "/api/v1/me");
  ASSERT_NE(me, nullptr);
  EXPECT_EQ(me->access, Access::kAnySession);
  EXPECT_EQ(FindEndpointRule("GET", "/api/v1/nothing"), nullptr);
}

}  // namespace
}  // namespace tenlik::accounts

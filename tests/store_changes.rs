//! What a write changed is read off SQLite itself, so the window's catalogues cannot miss a
//! write: each kind of write names the records it touched, a refused write names nothing.

use techbroker::domain::ClientId;
use techbroker::domain::{AchievementDraft, ClientDraft, ClientKind, Stage, SynonymDraft};
use techbroker::store::{Changed, Store, TrashItem};

fn client(name: &str) -> ClientDraft {
    ClientDraft {
        name: name.into(),
        kind: ClientKind::University,
        province: "山东省".into(),
        city: "济南市".into(),
        ..ClientDraft::default()
    }
}

fn achievement(owner: ClientId) -> AchievementDraft {
    AchievementDraft {
        title: "石墨烯散热膜".into(),
        owner: Some(owner),
        field: "新材料".into(),
        keywords: "石墨烯、散热".into(),
        trl: "6".into(),
        stage: Stage::Pilot,
        ..AchievementDraft::default()
    }
}

#[test]
fn every_write_names_what_it_touched_and_a_refused_one_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("t.sqlite")).unwrap();
    assert_eq!(store.take_changes(), Changed::default());

    let owner = store.save_client(None, &client("山东大学")).unwrap();
    let changed = store.take_changes();
    assert!(changed.clients.contains(&owner) && changed.achievements.is_empty());

    let id = store.save_achievement(None, &achievement(owner)).unwrap();
    let changed = store.take_changes();
    assert_eq!(
        changed.achievements.iter().copied().collect::<Vec<_>>(),
        vec![id]
    );

    // A draft the store refuses (no title) writes nothing and so names nothing.
    let bad = AchievementDraft {
        title: String::new(),
        ..achievement(owner)
    };
    assert!(store.save_achievement(Some(id), &bad).is_err());
    assert!(store.take_changes().is_empty());

    store.delete_achievement(id).unwrap();
    assert!(store.take_changes().achievements.contains(&id));
    store.restore(TrashItem::Achievement(id)).unwrap();
    assert!(store.take_changes().achievements.contains(&id));

    store
        .add_synonym(&SynonymDraft {
            term: "锂电".into(),
            other: "锂离子电池".into(),
        })
        .unwrap();
    let changed = store.take_changes();
    assert!(changed.thesaurus && !changed.fields);

    store.add_field("低空经济").unwrap();
    assert!(store.take_changes().fields);

    // A client renamed: its achievements follow through the client's id.
    store
        .save_client(Some(owner), &client("山东大学（威海）"))
        .unwrap();
    assert!(store.take_changes().clients.contains(&owner));
}

#[test]
fn a_write_by_another_connection_counts_as_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.sqlite");
    let mut window = Store::open(&path).unwrap();
    let mut other = Store::open(&path).unwrap();
    other.save_client(None, &client("青岛大学")).unwrap();
    assert!(window.changed_elsewhere().unwrap());
    assert!(window.take_changes().everything);
}

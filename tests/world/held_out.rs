//! A held-out set is measured as a rate: each case is a plain function that panics on failure, the
//! set runs them all and fails only below a floor set under the measured figure, so a case the
//! importer does not handle yet is reported, not a broken build.

use std::thread;

pub type Case = (&'static str, fn());

/// Runs every case on its own thread, prints which passed and why the others failed, and fails when
/// fewer than `min_passed` pass.
pub fn run_cases(set: &str, cases: &[Case], min_passed: usize) {
    // Each failure is reported once, in the table and the details below it, not also by the
    // default hook as it happens.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let outcomes: Vec<(&str, Result<(), String>)> = thread::scope(|scope| {
        let handles: Vec<_> = cases
            .iter()
            .map(|&(name, case)| (name, scope.spawn(case)))
            .collect();
        handles
            .into_iter()
            .map(|(name, handle)| (name, handle.join().map_err(|payload| reason(&*payload))))
            .collect()
    });
    std::panic::set_hook(hook);
    let passed = outcomes.iter().filter(|(_, r)| r.is_ok()).count();
    println!("{set}: {passed} of {} cases pass", cases.len());
    for (name, outcome) in &outcomes {
        match outcome {
            Ok(()) => println!("  pass  {name}"),
            Err(why) => println!("  FAIL  {name}: {}", why.lines().next().unwrap_or_default()),
        }
    }
    for (name, outcome) in &outcomes {
        if let Err(why) = outcome {
            println!("\n=== {name}");
            for line in why.lines().take(40) {
                println!("{line}");
            }
        }
    }
    assert!(
        passed >= min_passed,
        "{set}: {passed} of {} cases pass, fewer than the floor of {min_passed}",
        cases.len()
    );
}

fn reason(payload: &(dyn std::any::Any + Send)) -> String {
    let text = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("a panic without a message");
    text.to_owned()
}

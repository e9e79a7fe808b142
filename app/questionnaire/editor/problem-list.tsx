import { useTranslation } from 'react-i18next'
import type { Problem } from '../publish-rules'

/** What blocks publishing, each with a link to the item concerned when there is one. */
export function ProblemList({ problems, itemCodes }: { problems: readonly Problem[]; itemCodes: ReadonlySet<string> }) {
  const { t } = useTranslation('questionnaire')
  if (problems.length === 0) return <p className="notice">{t('editor.noProblems')}</p>
  return (
    <div className="problems" role="alert" aria-labelledby="problems-heading">
      <h2 id="problems-heading">{t('editor.problemsHeading', { total: problems.length })}</h2>
      <ul>
        {problems.map((problem, index) => {
          const target = [problem.params.item, problem.params.location].find(
            (code): code is string => typeof code === 'string' && itemCodes.has(code),
          )
          const message = t(problem.code, problem.params)
          return <li key={index}>{target ? <a href={`#item-${target}`}>{message}</a> : message}</li>
        })}
      </ul>
    </div>
  )
}
